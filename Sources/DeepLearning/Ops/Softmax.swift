import NumericCore

import Foundation

/// Softmax and log-softmax along the last axis, computed stably (shifted by the row maximum).
///
///     let probabilities = logits.softmax()      // rows sum to 1
extension Tensor {
    /// exp(x) / Σ exp(x) along the last axis.
    public func softmax() -> Tensor {
        let result = logSoftmaxValues().detached()
        let p = result.pointer
        for i in 0..<result.count { p[i] = Foundation.exp(p[i]) }
        let output = result.detached()
        let width = shape.last ?? 1
        return Tensor.record(result, "softmax", [self]) { [self] g in
            // dx = y ⊙ (g − Σ g⊙y)
            accumulateGrad { dst, accumulate in
                let y = output.pointer, pg = g.pointer
                for row in 0..<(count / Swift.max(width, 1)) {
                    let o = row * width
                    var dot: Float = 0
                    for j in 0..<width { dot += pg[o + j] * y[o + j] }
                    for j in 0..<width { dst[o + j] = (accumulate ? dst[o + j] : 0) + y[o + j] * (pg[o + j] - dot) }
                }
            }
        }
    }

    /// x − log Σ exp(x) along the last axis.
    public func logSoftmax() -> Tensor {
        let result = logSoftmaxValues()
        let output = result.detached()
        let width = shape.last ?? 1
        return Tensor.record(result, "logSoftmax", [self]) { [self] g in
            // dx = g − softmax ⊙ Σ g
            accumulateGrad { dst, accumulate in
                let y = output.pointer, pg = g.pointer
                for row in 0..<(count / Swift.max(width, 1)) {
                    let o = row * width
                    var total: Float = 0
                    for j in 0..<width { total += pg[o + j] }
                    for j in 0..<width { dst[o + j] = (accumulate ? dst[o + j] : 0) + pg[o + j] - Foundation.exp(y[o + j]) * total }
                }
            }
        }
    }

    private func logSoftmaxValues() -> Tensor {
        guard rank >= 1 else { shapeFailure("softmax: needs at least one dimension, got a scalar") }
        let width = shape[rank - 1]
        let result = Tensor.uninitialized(shape)
        let x = pointer, y = result.pointer
        let rows = count / Swift.max(width, 1)
        Parallel.forChunksIfLarge(rows, work: count) { range in
            for row in range {
                let o = row * width
                var top = -Float.infinity
                for j in 0..<width { top = Swift.max(top, x[o + j]) }
                var total: Float = 0
                for j in 0..<width { total += Foundation.exp(x[o + j] - top) }
                let shift = top + Foundation.log(total)
                for j in 0..<width { y[o + j] = x[o + j] - shift }
            }
        }
        return result
    }
}
