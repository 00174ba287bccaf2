/// The backward pass of `Tensor.binary`: the incoming gradient times the operator's partial
/// derivative, summed over broadcast axes. Generic over the operator and the operand's side,
/// so each loop is specialised and vectorisable; addition and subtraction reduce the gradient
/// directly without a temporary.
///
///     BinaryBackward.accumulate(Multiplication.self, OperandA.self, into: a, g, a, b, output)
enum BinaryBackward {
    static func accumulate<Operator: BinaryOperator, Side: OperandSide>(
        _: Operator.Type, _: Side.Type, into operand: Tensor, _ g: Tensor, _ a: Tensor, _ b: Tensor, _ output: Tensor
    ) {
        if let constants = Operator.constantDerivatives {
            let scale = Side.pick(constants)
            let reduced = Broadcast.sum(g, to: operand.shape)
            let source = reduced.pointer
            operand.accumulateGrad { dst, accumulate in
                Elementwise.forChunks(operand.count) { range in
                    if accumulate {
                        for i in range { dst[i] += scale * source[i] }
                    } else {
                        for i in range { dst[i] = scale * source[i] }
                    }
                }
            }
            return
        }
        if operand.shape == output.shape {
            operand.accumulateGrad { dst, accumulate in
                write(Operator.self, Side.self, dst, accumulate: accumulate, g, a, b, output)
            }
        } else {
            let full = Tensor.uninitialized(output.shape)
            write(Operator.self, Side.self, full.pointer, accumulate: false, g, a, b, output)
            operand.accumulateGrad(Broadcast.sum(full, to: operand.shape))
        }
    }

    /// Writes (or adds) g ⊙ ∂y/∂operand over the output's shape into `dst`.
    private static func write<Operator: BinaryOperator, Side: OperandSide>(
        _: Operator.Type, _: Side.Type, _ dst: UnsafeMutablePointer<Float>, accumulate: Bool,
        _ g: Tensor, _ a: Tensor, _ b: Tensor, _ output: Tensor
    ) {
        let pg = g.pointer, pa = a.pointer, pb = b.pointer, py = output.pointer
        if a.shape == b.shape {
            Elementwise.forChunks(output.count) { range in
                if accumulate {
                    for i in range { dst[i] += pg[i] * Side.derivative(Operator.self, pa[i], pb[i], py[i]) }
                } else {
                    for i in range { dst[i] = pg[i] * Side.derivative(Operator.self, pa[i], pb[i], py[i]) }
                }
            }
            return
        }
        let shape = output.shape
        Broadcast.forEachRow(shape, Broadcast.strides(a.shape, to: shape), Broadcast.strides(b.shape, to: shape)) { o, ia, ib, length, sa, sb in
            for i in 0..<length {
                let d = pg[o + i] * Side.derivative(Operator.self, pa[ia + i * sa], pb[ib + i * sb], py[o + i])
                dst[o + i] = accumulate ? dst[o + i] + d : d
            }
        }
    }
}

/// Which operand of a binary operation a gradient is for.
protocol OperandSide {
    static func derivative<Operator: BinaryOperator>(_: Operator.Type, _ a: Float, _ b: Float, _ y: Float) -> Float
    static func pick(_ constants: (a: Float, b: Float)) -> Float
}

enum OperandA: OperandSide {
    @inline(__always)
    static func derivative<Operator: BinaryOperator>(_: Operator.Type, _ a: Float, _ b: Float, _ y: Float) -> Float {
        Operator.derivativeA(a, b, y)
    }
    static func pick(_ constants: (a: Float, b: Float)) -> Float { constants.a }
}

enum OperandB: OperandSide {
    @inline(__always)
    static func derivative<Operator: BinaryOperator>(_: Operator.Type, _ a: Float, _ b: Float, _ y: Float) -> Float {
        Operator.derivativeB(a, b, y)
    }
    static func pick(_ constants: (a: Float, b: Float)) -> Float { constants.b }
}
