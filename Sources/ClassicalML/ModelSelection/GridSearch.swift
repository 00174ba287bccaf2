/// Picks the best of several candidate models by cross-validated accuracy, then refits it on
/// all the data. Candidates are ordinary hyperparameter values, so a grid is a `map`:
///
///     let search = GridSearch(candidates: [0.1, 1, 10].map { SVM(kernel: .rbf(gamma: 0.1), c: $0) })
///     let best = try search.fit(train.x, train.y)
///     print(best.bestCandidate, best.bestScore)
///     let predicted = try best.predict(test.x)
public struct GridSearch<Model: Classifier>: Classifier {
    public var candidates: [Model]
    public var folds: Int
    public var seed: UInt64

    public init(candidates: [Model], folds: Int = 5, seed: UInt64 = 0) {
        self.candidates = candidates; self.folds = folds; self.seed = seed
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        try Check.parameter(!candidates.isEmpty, "candidates", "[]", "a non-empty list of models")
        let results = try candidates.map { try crossValidate($0, x, y, folds: folds, seed: seed) }
        let best = results.indices.max { results[$0].mean < results[$1].mean }!
        return Fitted(bestCandidate: candidates[best], bestIndex: best, bestScore: results[best].mean,
                      results: results, model: try candidates[best].fit(x, y))
    }

    public struct Fitted: FittedClassifier {
        /// The winning hyperparameters.
        public let bestCandidate: Model
        public let bestIndex: Int
        /// The winner's mean cross-validated accuracy.
        public let bestScore: Double
        /// Every candidate's cross-validation scores, in candidate order.
        public let results: [CrossValidationScores]
        /// The winner refitted on all the data.
        public let model: Model.Fitted

        public var featureCount: Int { model.featureCount }
        public var classCount: Int { model.classCount }
        public func predict(_ x: Matrix) throws -> [Int] { try model.predict(x) }
        public func predictProbabilities(_ x: Matrix) throws -> Matrix { try model.predictProbabilities(x) }
    }
}
