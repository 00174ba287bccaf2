import ClassicalML
import DeepLearning

// The two engines meet here, in the only module that sees both: a classical `Matrix`
// (Double, rows × columns) and a deep-learning `Tensor` (Float, rank 2) convert into each other.

extension Tensor {
    /// A `[rows, columns]` tensor with the matrix's values (rounded to Float).
    ///
    ///     let features = Tensor(hogFeatures(train))     // feed hand-made features to a network
    public convenience init(_ matrix: Matrix) {
        self.init(matrix.values.map { Float($0) }, shape: [matrix.rows, matrix.columns])
    }
}

extension Matrix {
    /// The matrix of a rank-2 tensor (a rank-1 tensor becomes one column); other ranks are
    /// flattened after the first axis, one row per example.
    ///
    ///     let embeddings = Matrix(trunk(images))        // CNN features for an SVM
    public init(_ tensor: Tensor) {
        let values = tensor.scalars.map { Double($0) }
        switch tensor.rank {
        case 0: self.init(rows: 1, columns: 1, values: values)
        case 1: self.init(rows: tensor.shape[0], columns: 1, values: values)
        default: self.init(rows: tensor.shape[0], columns: values.count / max(1, tensor.shape[0]), values: values)
        }
    }
}
