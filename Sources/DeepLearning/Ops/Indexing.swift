/// Picking entries by index: subscripts, rows by index, and one value per row by label.
///
///     let image = batch[0]                 // first entry along axis 0
///     let value = m[1, 2].item             // one element
///     let firstTen = x[0..<10]
///     let scores = logits.gathering(labels)   // logits[i, labels[i]] for every row i
extension Tensor {
    /// Selects along the leading axes; with as many indices as dimensions it gives a scalar tensor.
    public subscript(_ indices: Int...) -> Tensor {
        guard indices.count <= rank else {
            shapeFailure("subscript: \(indices.count) indices for a tensor of shape \(shape)")
        }
        var result = self
        for index in indices {
            let n = result.shape[0]
            let i = index < 0 ? index + n : index
            guard i >= 0, i < n else { shapeFailure("subscript: index \(index) is out of range 0..<\(n) for shape \(result.shape)") }
            result = result.slice(axis: 0, i..<(i + 1)).reshaped(Array(result.shape.dropFirst()))
        }
        return result
    }

    /// The entries `range` along the first axis.
    public subscript(_ range: Range<Int>) -> Tensor { slice(axis: 0, range) }

    /// Rows (entries along axis 0) at `indices`, in that order; repeated indices are allowed.
    /// This is how an embedding looks up its vectors.
    public func rows(_ indices: [Int]) -> Tensor {
        guard rank >= 1 else { shapeFailure("rows: needs at least one dimension, got a scalar") }
        let n = shape[0], width = count / Swift.max(n, 1)
        for i in indices where i < 0 || i >= n {
            shapeFailure("rows: index \(i) is out of range 0..<\(n) for shape \(shape)")
        }
        let result = Tensor.uninitialized([indices.count] + shape.dropFirst())
        for (r, i) in indices.enumerated() {
            (result.pointer + r * width).update(from: pointer + i * width, count: width)
        }
        return Tensor.record(result, "rows", [self]) { [self] g in
            accumulateGrad { dst, accumulate in
                if !accumulate { dst.update(repeating: 0, count: count) }
                for (r, i) in indices.enumerated() {
                    let d = dst + i * width, s = g.pointer + r * width
                    for k in 0..<width { d[k] += s[k] }
                }
            }
        }
    }

    /// For a matrix `[N, C]`, the entries `self[i, labels[i]]` as a vector `[N]`.
    public func gathering(_ labels: [Int]) -> Tensor {
        guard rank == 2, labels.count == shape[0] else {
            shapeFailure("gathering: needs a matrix [N, C] and N labels; got shape \(shape) and \(labels.count) labels")
        }
        let columns = shape[1]
        for label in labels where label < 0 || label >= columns {
            shapeFailure("gathering: label \(label) is out of range 0..<\(columns) (shape \(shape)); labels must be class indices")
        }
        let result = Tensor.uninitialized([labels.count])
        for (r, label) in labels.enumerated() { result.pointer[r] = pointer[r * columns + label] }
        return Tensor.record(result, "gathering", [self]) { [self] g in
            accumulateGrad { dst, accumulate in
                if !accumulate { dst.update(repeating: 0, count: count) }
                for (r, label) in labels.enumerated() { dst[r * columns + label] += g.pointer[r] }
            }
        }
    }

    /// The values read as integer indices (for label tensors).
    /// A NaN or infinite value stops with a message naming its position.
    public var indices: [Int] {
        scalars.enumerated().map { position, value in
            guard value.isFinite else {
                shapeFailure("indices: value \(value) at position \(position) is not an index; indices must be whole numbers")
            }
            return Int(value.rounded())
        }
    }
}
