import Foundation

extension Tensor {
    /// Applies `f` to every element; `derivative(x, y)` gives dy/dx from input and output.
    @inline(__always)
    func map(_ operation: String, _ f: (Float) -> Float,
             derivative: @escaping (_ x: Float, _ y: Float) -> Float) -> Tensor {
        let result = Tensor.uninitialized(shape)
        let px = pointer, py = result.pointer
        Elementwise.forChunks(count) { range in for i in range { py[i] = f(px[i]) } }
        let output = result.detached()
        return Tensor.record(result, operation, [self]) { [self] g in
            let pg = g.pointer, out = output.pointer
            accumulateGrad { dst, accumulate in
                Elementwise.forChunks(count) { range in
                    if accumulate {
                        for i in range { dst[i] += pg[i] * derivative(px[i], out[i]) }
                    } else {
                        for i in range { dst[i] = pg[i] * derivative(px[i], out[i]) }
                    }
                }
            }
        }
    }

    /// eˣ elementwise.
    public func exp() -> Tensor { map("exp", { Foundation.exp($0) }) { _, y in y } }
    /// The natural logarithm elementwise.
    public func log() -> Tensor { map("log", { Foundation.log($0) }) { x, _ in 1 / x } }
    /// The square root elementwise.
    public func sqrt() -> Tensor { map("sqrt", { $0.squareRoot() }) { _, y in 0.5 / y } }
    /// The hyperbolic tangent elementwise.
    public func tanh() -> Tensor { map("tanh", { Foundation.tanh($0) }) { _, y in 1 - y * y } }
    /// The logistic function 1 / (1 + e⁻ˣ) elementwise.
    public func sigmoid() -> Tensor { map("sigmoid", { 1 / (1 + Foundation.exp(-$0)) }) { _, y in y * (1 - y) } }
    /// max(x, 0) elementwise (gradient 0 at 0, as in PyTorch).
    public func relu() -> Tensor {
        // Written out rather than through `map`: on a CNN it runs over every activation, and
        // this way both loops vectorise (no derivative closure called per element).
        let result = Tensor.uninitialized(shape)
        let px = pointer, py = result.pointer
        Elementwise.forChunks(count) { range in for i in range { py[i] = px[i] > 0 ? px[i] : 0 } }
        return Tensor.record(result, "relu", [self]) { [self] g in
            let pg = g.pointer
            accumulateGrad { dst, accumulate in
                Elementwise.forChunks(count) { range in
                    // Both loads before the select, so the loop has no conditional load.
                    if accumulate {
                        for i in range { let x = px[i], g = pg[i]; dst[i] += x > 0 ? g : 0 }
                    } else {
                        for i in range { let x = px[i], g = pg[i]; dst[i] = x > 0 ? g : 0 }
                    }
                }
            }
        }
    }
    /// x for x > 0, else slope · x (gradient `slope` at 0, as in PyTorch).
    public func leakyRelu(slope: Float = 0.01) -> Tensor {
        map("leakyRelu", { $0 > 0 ? $0 : slope * $0 }) { x, _ in x > 0 ? 1 : slope }
    }
    /// |x| elementwise (gradient 0 at 0).
    public func abs() -> Tensor { map("abs", { Swift.abs($0) }) { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) } }
    /// xᵖ elementwise (for p = 0 the gradient is 0 everywhere, 0 included, as in PyTorch).
    public func pow(_ exponent: Float) -> Tensor {
        map("pow", { Foundation.pow($0, exponent) }) { x, _ in
            exponent == 0 ? 0 : exponent * Foundation.pow(x, exponent - 1)
        }
    }
    /// x² elementwise.
    public func squared() -> Tensor { map("squared", { $0 * $0 }) { x, _ in 2 * x } }
    /// Values limited to `range`. The gradient is 1 strictly inside the range and 0 outside it
    /// and on its bounds, as in PyTorch 2.15 (`torch.clamp(x, 0, 1)` at 0 or 1 gives 0).
    public func clamped(to range: ClosedRange<Float>) -> Tensor {
        map("clamp", { Swift.min(Swift.max($0, range.lowerBound), range.upperBound) }) { x, _ in
            x > range.lowerBound && x < range.upperBound ? 1 : 0
        }
    }
    /// The Gaussian error linear unit (tanh approximation, as in PyTorch's `approximate="tanh"`).
    public func gelu() -> Tensor {
        let c: Float = 0.797_884_56  // √(2/π)
        return map("gelu", { x in 0.5 * x * (1 + Foundation.tanh(c * (x + 0.044715 * x * x * x))) }) { x, _ in
            let inner = c * (x + 0.044715 * x * x * x)
            let t = Foundation.tanh(inner)
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
        }
    }
}
