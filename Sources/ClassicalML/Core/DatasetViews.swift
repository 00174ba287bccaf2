import Datasets

extension TabularDataset {
    /// The features as a `Matrix` (rows are samples).
    ///
    ///     let fitted = try DecisionTree().fit(data.x, data.y)
    public var x: Matrix { Matrix(rows: count, columns: featureCount, values: features) }

    /// The class indices, for classifiers. (Regressors take `targets`.)
    public var y: [Int] { labels }
}
