import NumericCore

/// Broadcasting as in NumPy: shapes are aligned at their last dimension, and a dimension of
/// size 1 (or a missing one) stretches to match the other.
enum Broadcast {
    /// The shape two operands broadcast to, or a failure naming `operation` and both shapes.
    static func shape(_ a: [Int], _ b: [Int], _ operation: String) -> [Int] {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else {
                shapeFailure(ShapeMessages.broadcast(operation, a, b))
            }
            result[i] = da == 1 ? db : da
        }
        return result
    }

    /// Strides for reading a tensor of `shape` as if it had `target` shape (0 on stretched axes).
    static func strides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = Tensor.strides(of: shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { i in
            i < offset || shape[i - offset] == 1 ? 0 : own[i - offset]
        }
    }

    /// Walks every row (last axis) of `shape`, giving the start offsets of the output and of
    /// two operands read through their strides, with the operands' strides along that row.
    @inline(__always)
    static func forEachRow(_ shape: [Int], _ stridesA: [Int], _ stridesB: [Int],
                           _ body: (_ out: Int, _ a: Int, _ b: Int, _ length: Int, _ stepA: Int, _ stepB: Int) -> Void) {
        let rank = shape.count
        if rank == 0 { body(0, 0, 0, 1, 0, 0); return }
        let length = shape[rank - 1]
        let rows = Tensor.elementCount(shape) / max(length, 1)
        if length == 0 { return }
        var index = [Int](repeating: 0, count: rank)
        var offsetA = 0, offsetB = 0
        for row in 0..<rows {
            body(row * length, offsetA, offsetB, length, stridesA[rank - 1], stridesB[rank - 1])
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                offsetA += stridesA[axis]; offsetB += stridesB[axis]
                if index[axis] < shape[axis] { break }
                offsetA -= stridesA[axis] * shape[axis]; offsetB -= stridesB[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// Sums `source` down to `shape`, undoing a broadcast (the gradient of broadcasting).
    static func sum(_ source: Tensor, to shape: [Int]) -> Tensor {
        if source.shape == shape { return source }
        let trailing = Array(shape.drop(while: { $0 == 1 }))
        if !trailing.isEmpty, trailing.count <= source.rank, Array(source.shape.suffix(trailing.count)) == trailing {
            // Broadcast over leading axes only (a bias over rows): add the rows in order,
            // as the general loop below does.
            let result = Tensor.uninitialized(shape)
            let columns = Tensor.elementCount(trailing)
            ColumnSums.add(source.pointer, rows: source.count / Swift.max(columns, 1), columns: columns,
                           into: result.pointer, accumulate: false)
            return result
        }
        let result = Tensor.zeros(shape)
        let readStrides = Tensor.strides(of: source.shape)
        let writeStrides = strides(shape, to: source.shape)
        let src = source.pointer, dst = result.pointer
        forEachRow(source.shape, readStrides, writeStrides) { _, a, b, length, stepA, stepB in
            if stepB == 0 {
                var total: Float = 0
                for i in 0..<length { total += src[a + i * stepA] }
                dst[b] += total
            } else {
                for i in 0..<length { dst[b + i * stepB] += src[a + i * stepA] }
            }
        }
        return result
    }

    /// Copies `source` stretched to `shape`.
    static func expand(_ source: Tensor, to shape: [Int]) -> Tensor {
        if source.shape == shape { return source }
        let result = Tensor.uninitialized(shape)
        let src = source.pointer, dst = result.pointer
        forEachRow(shape, strides(source.shape, to: shape), Tensor.strides(of: shape)) { out, a, _, length, stepA, _ in
            for i in 0..<length { dst[out + i] = src[a + i * stepA] }
        }
        return result
    }
}

/// Elementwise loops over flat buffers, split across cores when large.
enum Elementwise {
    static let parallelThreshold = 1 << 16

    @inline(__always)
    static func forChunks(_ count: Int, _ body: (Range<Int>) -> Void) {
        if count >= parallelThreshold {
            Parallel.forChunks(0..<count, minChunk: parallelThreshold / 2, body)
        } else {
            body(0..<count)
        }
    }
}

extension Tensor {
    /// This tensor stretched to `shape` by broadcasting (differentiable).
    public func broadcast(to shape: [Int]) -> Tensor {
        let target = Broadcast.shape(self.shape, shape, "broadcast(to:)")
        guard target == shape else { shapeFailure(ShapeMessages.broadcast("broadcast(to:)", self.shape, shape)) }
        if self.shape == shape { return self }
        let result = Broadcast.expand(self, to: shape)
        return Tensor.record(result, "broadcast", [self]) { [self] g in
            accumulateGrad(Broadcast.sum(g, to: self.shape))
        }
    }
}
