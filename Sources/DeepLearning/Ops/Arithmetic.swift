/// Elementwise arithmetic with broadcasting, and with scalars on either side.
///
///     let y = x * 2 + bias        // bias of shape [features] broadcasts over the rows of x
extension Tensor {
    /// Applies `Operator` elementwise to two broadcast operands and records its backward pass.
    static func binary<Operator: BinaryOperator>(_ a: Tensor, _ b: Tensor, _: Operator.Type) -> Tensor {
        let shape = Broadcast.shape(a.shape, b.shape, Operator.name)
        let result = uninitialized(shape)
        let pa = a.pointer, pb = b.pointer, out = result.pointer
        if a.shape == b.shape {
            Elementwise.forChunks(result.count) { range in
                for i in range { out[i] = Operator.apply(pa[i], pb[i]) }
            }
        } else {
            Broadcast.forEachRow(shape, Broadcast.strides(a.shape, to: shape), Broadcast.strides(b.shape, to: shape)) { o, ia, ib, length, sa, sb in
                for i in 0..<length { out[o + i] = Operator.apply(pa[ia + i * sa], pb[ib + i * sb]) }
            }
        }
        let output = result.detached()
        return record(result, Operator.name, [a, b]) { g in
            if a.requiresGrad {
                BinaryBackward.accumulate(Operator.self, OperandA.self, into: a, g, a, b, output)
            }
            if b.requiresGrad {
                BinaryBackward.accumulate(Operator.self, OperandB.self, into: b, g, a, b, output)
            }
        }
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, Addition.self)
    }

    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, Subtraction.self)
    }

    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, Multiplication.self)
    }

    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, Division.self)
    }

    /// The larger of two tensors, elementwise (the gradient goes to the larger one; on ties each
    /// gets half, as in PyTorch).
    public static func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
        binary(a, b, Maximum.self)
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
