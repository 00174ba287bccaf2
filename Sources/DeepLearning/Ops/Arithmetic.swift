/// Elementwise arithmetic with broadcasting, and with scalars on either side.
///
///     let y = x * 2 + bias        // bias of shape [features] broadcasts over the rows of x
extension Tensor {
    /// Applies `f` elementwise to two broadcast operands, recording `derivatives`
    /// (∂f/∂a and ∂f/∂b from a, b and the output) for the backward pass.
    @inline(__always)
    static func binary(_ a: Tensor, _ b: Tensor, _ operation: String,
                       _ f: @escaping (Float, Float) -> Float,
                       gradientA: @escaping (Float, Float, Float) -> Float,
                       gradientB: @escaping (Float, Float, Float) -> Float) -> Tensor {
        let shape = Broadcast.shape(a.shape, b.shape, operation)
        let result = uninitialized(shape)
        let pa = a.pointer, pb = b.pointer, out = result.pointer
        if a.shape == b.shape {
            Elementwise.forChunks(result.count) { range in
                for i in range { out[i] = f(pa[i], pb[i]) }
            }
        } else {
            Broadcast.forEachRow(shape, Broadcast.strides(a.shape, to: shape), Broadcast.strides(b.shape, to: shape)) { o, ia, ib, length, sa, sb in
                for i in 0..<length { out[o + i] = f(pa[ia + i * sa], pb[ib + i * sb]) }
            }
        }
        let output = result.detached()
        return record(result, operation, [a, b]) { g in
            let pg = g.pointer, py = output.pointer
            let stridesA = Broadcast.strides(a.shape, to: shape), stridesB = Broadcast.strides(b.shape, to: shape)
            /// Writes (or adds) g ⊙ ∂f/∂operand over the full output shape into `dst`.
            func write(_ d: (Float, Float, Float) -> Float, _ dst: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
                if a.shape == b.shape {
                    Elementwise.forChunks(output.count) { range in
                        for i in range { dst[i] = (accumulate ? dst[i] : 0) + pg[i] * d(pa[i], pb[i], py[i]) }
                    }
                    return
                }
                Broadcast.forEachRow(shape, stridesA, stridesB) { o, ia, ib, length, sa, sb in
                    for i in 0..<length {
                        dst[o + i] = (accumulate ? dst[o + i] : 0) + pg[o + i] * d(pa[ia + i * sa], pb[ib + i * sb], py[o + i])
                    }
                }
            }
            for (operand, d) in [(a, gradientA), (b, gradientB)] where operand.requiresGrad {
                if operand.shape == shape {
                    // Shaped like the output: accumulate in place.
                    operand.accumulateGrad { dst, accumulate in write(d, dst, accumulate) }
                } else {
                    let full = uninitialized(shape)
                    write(d, full.pointer, false)
                    operand.accumulateGrad(Broadcast.sum(full, to: operand.shape))
                }
            }
        }
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, "+", { $0 + $1 }, gradientA: { _, _, _ in 1 }, gradientB: { _, _, _ in 1 })
    }

    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, "-", { $0 - $1 }, gradientA: { _, _, _ in 1 }, gradientB: { _, _, _ in -1 })
    }

    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, "*", { $0 * $1 }, gradientA: { _, b, _ in b }, gradientB: { a, _, _ in a })
    }

    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, "/", { $0 / $1 }, gradientA: { _, b, _ in 1 / b }, gradientB: { a, b, _ in -a / (b * b) })
    }

    /// The larger of two tensors, elementwise (the gradient goes to the larger one).
    public static func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
        binary(a, b, "maximum", { Swift.max($0, $1) },
               gradientA: { a, b, _ in a >= b ? 1 : 0 }, gradientB: { a, b, _ in a >= b ? 0 : 1 })
    }

    public static func + (a: Tensor, s: Float) -> Tensor { a.map("+ scalar", { $0 + s }) { _, _ in 1 } }
    public static func + (s: Float, a: Tensor) -> Tensor { a + s }
    public static func - (a: Tensor, s: Float) -> Tensor { a.map("- scalar", { $0 - s }) { _, _ in 1 } }
    public static func - (s: Float, a: Tensor) -> Tensor { a.map("scalar -", { s - $0 }) { _, _ in -1 } }
    public static func * (a: Tensor, s: Float) -> Tensor { a.map("* scalar", { $0 * s }) { _, _ in s } }
    public static func * (s: Float, a: Tensor) -> Tensor { a * s }
    public static func / (a: Tensor, s: Float) -> Tensor { a * (1 / s) }
    public static func / (s: Float, a: Tensor) -> Tensor { a.map("scalar /", { s / $0 }) { x, _ in -s / (x * x) } }
    public static prefix func - (a: Tensor) -> Tensor { a.map("negate", { -$0 }) { _, _ in -1 } }

    public static func += (a: inout Tensor, b: Tensor) { a = a + b }
    public static func -= (a: inout Tensor, b: Tensor) { a = a - b }
    public static func *= (a: inout Tensor, b: Tensor) { a = a * b }
}
