/// Elementwise comparisons giving tensors of 0 and 1 (not differentiable).
///
///     let correct = (predictions .== labels).mean()   // accuracy
extension Tensor {
    static func compare(_ a: Tensor, _ b: Tensor, _ operation: String, _ test: (Float, Float) -> Bool) -> Tensor {
        let shape = Broadcast.shape(a.shape, b.shape, operation)
        let result = uninitialized(shape)
        let pa = a.pointer, pb = b.pointer, out = result.pointer
        Broadcast.forEachRow(shape, Broadcast.strides(a.shape, to: shape), Broadcast.strides(b.shape, to: shape)) { o, ia, ib, length, sa, sb in
            for i in 0..<length { out[o + i] = test(pa[ia + i * sa], pb[ib + i * sb]) ? 1 : 0 }
        }
        return result
    }

    public static func .== (a: Tensor, b: Tensor) -> Tensor { compare(a, b, ".==") { $0 == $1 } }
    public static func .!= (a: Tensor, b: Tensor) -> Tensor { compare(a, b, ".!=") { $0 != $1 } }
    public static func .< (a: Tensor, b: Tensor) -> Tensor { compare(a, b, ".<") { $0 < $1 } }
    public static func .<= (a: Tensor, b: Tensor) -> Tensor { compare(a, b, ".<=") { $0 <= $1 } }
    public static func .> (a: Tensor, b: Tensor) -> Tensor { compare(a, b, ".>") { $0 > $1 } }
    public static func .>= (a: Tensor, b: Tensor) -> Tensor { compare(a, b, ".>=") { $0 >= $1 } }

    public static func .== (a: Tensor, s: Float) -> Tensor { a .== Tensor(s) }
    public static func .< (a: Tensor, s: Float) -> Tensor { a .< Tensor(s) }
    public static func .> (a: Tensor, s: Float) -> Tensor { a .> Tensor(s) }
}
