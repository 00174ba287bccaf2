/// Sums, means, maxima and variances, over everything or along axes.
///
///     let total = x.sum()                       // scalar
///     let columnMeans = x.mean(alongAxes: 0)    // shape [columns]
///     let classes = logits.argmax(axis: 1)      // shape [rows]
extension Tensor {
    /// The shape after reducing `axes`, keeping them as size 1.
    func keptShape(_ axes: [Int]) -> [Int] {
        var kept = shape
        for axis in axes { kept[axis] = 1 }
        return kept
    }

    func normalizedAxes(_ axes: [Int], _ operation: String) -> [Int] {
        Array(Set(axes.map { normalizedAxis($0, operation) })).sorted()
    }

    /// The sum of all elements, as a scalar tensor.
    public func sum() -> Tensor {
        var total: Float = 0
        let p = pointer
        for i in 0..<count { total += p[i] }
        let result = Tensor(total)
        return Tensor.record(result, "sum", [self]) { [self] g in
            let value = g.pointer[0]
            accumulateGrad { dst, accumulate in
                for i in 0..<count { dst[i] = (accumulate ? dst[i] : 0) + value }
            }
        }
    }

    /// Sums along `axes`; with `keepingDimensions` the reduced axes stay as size 1.
    public func sum(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        sum(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let axes = normalizedAxes(axes, "sum(alongAxes:)")
        let kept = keptShape(axes)
        let reduced = Broadcast.sum(self, to: kept).detached()
        let result = keepingDimensions ? reduced : Tensor(shape: kept.enumerated().filter { !axes.contains($0.offset) }.map(\.element), storage: reduced.storage)
        return Tensor.record(result, "sum(alongAxes:)", [self]) { [self] g in
            accumulateGrad(Broadcast.expand(Tensor(shape: kept, storage: g.storage), to: shape))
        }
    }

    /// The mean of all elements, as a scalar tensor.
    public func mean() -> Tensor { sum() * (1 / Float(Swift.max(count, 1))) }

    /// The mean along `axes`.
    public func mean(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        mean(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    public func mean(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let axes = normalizedAxes(axes, "mean(alongAxes:)")
        let n = axes.reduce(1) { $0 * shape[$1] }
        return sum(alongAxes: axes, keepingDimensions: keepingDimensions) * (1 / Float(Swift.max(n, 1)))
    }

    /// The (biased, divide-by-n) variance along `axes`, as batch normalisation uses it.
    public func variance(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        variance(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    public func variance(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let centered = self - mean(alongAxes: axes, keepingDimensions: true)
        return centered.squared().mean(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// The variance of all elements.
    public func variance() -> Tensor { (self - mean()).squared().mean() }

    /// Visits each slice along `axis`: (output index, offset of its first element, stride).
    private func forEachLane(_ axis: Int, _ body: (_ lane: Int, _ start: Int, _ step: Int) -> Void) {
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        let length = shape[axis]
        for o in 0..<outer {
            for i in 0..<inner { body(o * inner + i, o * length * inner + i, inner) }
        }
    }

    /// The maximum along `axis` (the gradient flows to the first maximal element).
    public func max(axis: Int, keepingDimensions: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, "max(axis:)")
        let length = shape[axis]
        guard length > 0 else { shapeFailure("max(axis:): axis \(axis) of shape \(shape) is empty") }
        var kept = shape; kept[axis] = 1
        let result = Tensor.uninitialized(keepingDimensions ? kept : shape.enumerated().filter { $0.offset != axis }.map(\.element))
        var winners = [Int](repeating: 0, count: result.count)
        let p = pointer, out = result.pointer
        forEachLane(axis) { lane, start, step in
            var best = start
            for k in 1..<length where p[start + k * step] > p[best] { best = start + k * step }
            out[lane] = p[best]
            winners[lane] = best
        }
        return Tensor.record(result, "max(axis:)", [self]) { [self] g in
            let gradient = Tensor.zeros(shape)
            for (lane, index) in winners.enumerated() { gradient.pointer[index] += g.pointer[lane] }
            accumulateGrad(gradient)
        }
    }

    /// The largest element, as a scalar tensor. When several elements tie for the maximum, the
    /// gradient is shared equally among them (PyTorch's `max()` without a dimension).
    public func max() -> Tensor {
        guard count > 0 else { shapeFailure("max(): the tensor of shape \(shape) is empty") }
        let p = pointer
        var largest = p[0]
        for i in 1..<count where p[i] > largest { largest = p[i] }
        let ties = (0..<count).filter { p[$0] == largest }
        let result = Tensor(largest)
        return Tensor.record(result, "max()", [self]) { [self] g in
            let share = g.pointer[0] / Float(ties.count)
            accumulateGrad { dst, accumulate in
                if !accumulate { dst.update(repeating: 0, count: count) }
                for i in ties { dst[i] += share }
            }
        }
    }

    /// The index of the largest element along `axis` (not differentiable).
    public func argmax(axis: Int) -> Tensor {
        let axis = normalizedAxis(axis, "argmax(axis:)")
        let length = shape[axis]
        let result = Tensor.uninitialized(shape.enumerated().filter { $0.offset != axis }.map(\.element))
        let p = pointer, out = result.pointer
        forEachLane(axis) { lane, start, step in
            var best = 0
            for k in 1..<Swift.max(length, 1) where p[start + k * step] > p[start + best * step] { best = k }
            out[lane] = Float(best)
        }
        return result
    }
}
