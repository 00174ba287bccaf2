import Foundation

/// The scores of a cross-validation, one per fold.
///
///     let scores = try crossValidate(RandomForest(trees: 100, seed: 0), data.x, data.y, folds: 5)
///     print(scores)    // accuracy 0.953 ± 0.027 over 5 folds
public struct CrossValidationScores: Sendable, CustomStringConvertible {
    public let scores: [Double]
    public let metric: String
    public var mean: Double { scores.reduce(0, +) / Double(max(1, scores.count)) }
    public var standardDeviation: Double {
        let m = mean
        return (scores.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(1, scores.count))).squareRoot()
    }
    public var description: String {
        String(format: "%@ %.3f ± %.3f over %d folds", metric, mean, standardDeviation, scores.count)
    }
}

/// Cross-validates a classifier with stratified folds (shuffled by `seed`), scoring accuracy
/// (or `scoring`): each fold is predicted by a model fitted on the other folds.
public func crossValidate<Model: Classifier>(
    _ model: Model, _ x: Matrix, _ y: [Int], folds: Int = 5, seed: UInt64 = 0,
    scoring: (_ truth: [Int], _ predicted: [Int]) -> Double = accuracy, metric: String = "accuracy"
) throws -> CrossValidationScores {
    try Check.classification(x, y)
    let splits = try StratifiedKFold(folds: folds, seed: seed).splits(labels: y)
    let scores = try splits.map { train, test in
        let fitted = try model.fit(x.rows(train), train.map { y[$0] })
        return scoring(test.map { y[$0] }, try fitted.predict(x.rows(test)))
    }
    return CrossValidationScores(scores: scores, metric: metric)
}

/// Cross-validates a regressor with folds shuffled by `seed`, scoring R².
public func crossValidate<Model: Regressor>(
    _ model: Model, _ x: Matrix, _ y: [Double], folds: Int = 5, seed: UInt64 = 0
) throws -> CrossValidationScores {
    try Check.regression(x, y)
    let splits = try KFold(folds: folds, seed: seed).splits(count: y.count)
    let scores = try splits.map { train, test in
        let fitted = try model.fit(x.rows(train), train.map { y[$0] })
        return r2Score(test.map { y[$0] }, try fitted.predict(x.rows(test)))
    }
    return CrossValidationScores(scores: scores, metric: "R²")
}
