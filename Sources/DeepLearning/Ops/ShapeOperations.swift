/// Reshaping, transposing, slicing and joining tensors; all differentiable.
///
///     let flat = images.reshaped([-1, 784])
///     let t = m.transposed()
///     let firstTen = x.slice(axis: 0, 0..<10)
///     let joined = Tensor.concat([a, b], axis: 1)
extension Tensor {
    /// The same values with a new shape; one dimension may be `-1` (inferred). Shares storage.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var target = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            guard known > 0, count % known == 0 else {
                shapeFailure("reshaped: cannot infer the -1 in \(newShape) for \(count) elements of shape \(shape)")
            }
            target[unknown] = count / known
        }
        guard Tensor.elementCount(target) == count, target.allSatisfy({ $0 >= 0 }) else {
            shapeFailure("reshaped: shape \(shape) has \(count) elements, which cannot be arranged as \(newShape) (\(Tensor.elementCount(target)) elements)")
        }
        if target == shape { return self }
        let result = Tensor(shape: target, storage: storage)
        return Tensor.record(result, "reshape", [self]) { [self] g in
            accumulateGrad(Tensor(shape: shape, storage: g.storage))
        }
    }

    /// Flattens the axes from `startAxis` on into one: `[N, C, H, W] → [N, C·H·W]`.
    public func flattened(from startAxis: Int = 1) -> Tensor {
        let start = normalizedAxis(startAxis, "flattened(from:)")
        return reshaped(Array(shape[..<start]) + [shape[start...].reduce(1, *)])
    }

    /// Inserts an axis of size 1.
    public func unsqueezed(at axis: Int) -> Tensor {
        var s = shape
        s.insert(1, at: normalizedAxis(axis, "unsqueezed(at:)", rank: rank + 1))
        return reshaped(s)
    }

    /// Removes axes of size 1 (all of them, or the given one).
    public func squeezed(at axis: Int? = nil) -> Tensor {
        if let axis {
            let a = normalizedAxis(axis, "squeezed(at:)")
            guard shape[a] == 1 else { shapeFailure("squeezed(at: \(axis)): that axis has size \(shape[a]), not 1, in shape \(shape)") }
            var s = shape; s.remove(at: a)
            return reshaped(s)
        }
        return reshaped(shape.filter { $0 != 1 })
    }

    /// Reorders the axes: `permuted([0, 2, 3, 1])` turns `[N, C, H, W]` into `[N, H, W, C]`.
    public func permuted(_ axes: [Int]) -> Tensor {
        let axes = axes.map { normalizedAxis($0, "permuted") }
        guard axes.count == rank, Set(axes).count == rank else {
            shapeFailure("permuted: \(axes) is not a permutation of the \(rank) axes of shape \(shape)")
        }
        if axes == Array(0..<rank) { return self }
        let newShape = axes.map { shape[$0] }
        let sourceStrides = Tensor.strides(of: shape)
        let readStrides = axes.map { sourceStrides[$0] }
        let result = Tensor.uninitialized(newShape)
        let src = pointer, dst = result.pointer
        Broadcast.forEachRow(newShape, readStrides, readStrides) { out, a, _, length, step, _ in
            for i in 0..<length { dst[out + i] = src[a + i * step] }
        }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in axes.enumerated() { inverse[axis] = i }
        return Tensor.record(result, "permute", [self]) { [self] g in
            accumulateGrad(withoutGradients { g.permuted(inverse) })
        }
    }

    /// Swaps the last two axes (the matrix transpose for rank 2).
    public func transposed() -> Tensor {
        guard rank >= 2 else { shapeFailure("transposed: needs at least two dimensions, got shape \(shape)") }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }

    /// The matrix transpose, `m.T`.
    public var T: Tensor { transposed() }

    /// The entries `range` along `axis`.
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        let a = normalizedAxis(axis, "slice")
        guard range.lowerBound >= 0, range.upperBound <= shape[a] else {
            shapeFailure("slice: range \(range) is outside 0..<\(shape[a]) on axis \(axis) of shape \(shape)")
        }
        let outer = shape[..<a].reduce(1, *), inner = shape[(a + 1)...].reduce(1, *)
        var newShape = shape; newShape[a] = range.count
        let result = Tensor.uninitialized(newShape)
        let block = range.count * inner, fullBlock = shape[a] * inner, start = range.lowerBound * inner
        for o in 0..<outer {
            (result.pointer + o * block).update(from: pointer + o * fullBlock + start, count: block)
        }
        return Tensor.record(result, "slice", [self]) { [self] g in
            accumulateGrad { dst, accumulate in
                if !accumulate { dst.update(repeating: 0, count: count) }
                for o in 0..<outer {
                    let d = dst + o * fullBlock + start, s = g.pointer + o * block
                    for i in 0..<block { d[i] += s[i] }
                }
            }
        }
    }

    /// Joins tensors along `axis`; all other dimensions must agree.
    public static func concat(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { shapeFailure("concat: needs at least one tensor") }
        let a = first.normalizedAxis(axis, "concat")
        for t in tensors where t.rank != first.rank || (0..<first.rank).contains(where: { $0 != a && t.shape[$0] != first.shape[$0] }) {
            shapeFailure("concat: shapes \(first.shape) and \(t.shape) differ outside axis \(axis); only that axis may differ")
        }
        let outer = first.shape[..<a].reduce(1, *), inner = first.shape[(a + 1)...].reduce(1, *)
        let total = tensors.reduce(0) { $0 + $1.shape[a] }
        var newShape = first.shape; newShape[a] = total
        let result = uninitialized(newShape)
        var offset = 0
        var offsets: [Int] = []
        for t in tensors {
            let block = t.shape[a] * inner
            offsets.append(offset)
            for o in 0..<outer {
                (result.pointer + o * total * inner + offset).update(from: t.pointer + o * block, count: block)
            }
            offset += block
        }
        return record(result, "concat", tensors) { g in
            for (t, start) in zip(tensors, offsets) where t.requiresGrad {
                let block = t.shape[a] * inner
                t.accumulateGrad { dst, accumulate in
                    for o in 0..<outer {
                        let s = g.pointer + o * total * inner + start, d = dst + o * block
                        for i in 0..<block { d[i] = (accumulate ? d[i] : 0) + s[i] }
                    }
                }
            }
        }
    }

    /// Stacks equally shaped tensors along a new axis.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { shapeFailure("stack: needs at least one tensor") }
        for t in tensors where t.shape != first.shape {
            shapeFailure("stack: every tensor needs the same shape; got \(first.shape) and \(t.shape)")
        }
        return concat(tensors.map { $0.unsqueezed(at: axis) }, axis: axis)
    }
}
