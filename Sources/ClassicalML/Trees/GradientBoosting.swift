import Foundation
import NumericCore

/// Gradient-boosted trees for classification: each round fits one histogram regression tree
/// per class output (one for binary problems) to the gradient and hessian of the log loss, and
/// adds its Newton-step leaves, shrunk by `learningRate`. Features are binned once.
///
///     let boosted = try GradientBoosting(rounds: 100, learningRate: 0.1, maxDepth: 3).fit(train.x, train.y)
///     let predicted = try boosted.predict(test.x)
public struct GradientBoosting: Classifier, Sendable {
    public var rounds: Int
    public var learningRate: Double
    public var maxDepth: Int
    public var minSamplesLeaf: Int
    /// L2 penalty on leaf values.
    public var l2Regularization: Double
    public var maxBins: Int

    public init(rounds: Int = 100, learningRate: Double = 0.1, maxDepth: Int = 3, minSamplesLeaf: Int = 1,
                l2Regularization: Double = 0, maxBins: Int = 256) {
        self.rounds = rounds; self.learningRate = learningRate; self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf; self.l2Regularization = l2Regularization; self.maxBins = maxBins
    }

    func validate() throws {
        try Check.parameter(rounds >= 1, "rounds", rounds, "at least 1")
        try Check.parameter(learningRate > 0, "learningRate", learningRate, "positive")
        try Check.parameter(l2Regularization >= 0, "l2Regularization", l2Regularization, "zero or positive")
        try DecisionTree(maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf, maxBins: maxBins).validate()
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try validate()
        let outputs = classCount == 2 ? 1 : classCount
        let n = x.rows
        let bins = FeatureBins(x, maxBins: maxBins)
        let limits = TreeLimits(maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf)
        // Start from the log prior odds.
        var counts = [Double](repeating: 0, count: classCount)
        for label in y { counts[label] += 1 }
        let initial: [Double] = outputs == 1
            ? [log(max(counts[1], 1) / max(counts[0], 1))]
            : counts.map { log(max($0, 1) / Double(n)) }
        var raw = [Double](repeating: 0, count: n * outputs)
        for r in 0..<n { for k in 0..<outputs { raw[r * outputs + k] = initial[k] } }
        var trees: [[TreeStructure]] = []
        let everyone = Array(0..<n)
        for round in 0..<rounds {
            let probabilities = GradientBoosting.probabilities(raw, outputs: outputs)
            let roundTrees = Parallel.map(0..<outputs) { k -> TreeStructure in
                var gradients = [Double](repeating: 0, count: n), hessians = [Double](repeating: 0, count: n)
                for r in 0..<n {
                    let p = probabilities[r * outputs + k]
                    let target: Double = outputs == 1 ? (y[r] == 1 ? 1 : 0) : (y[r] == k ? 1 : 0)
                    gradients[r] = p - target
                    hessians[r] = max(p * (1 - p), 1e-16)
                }
                var builder = TreeBuilder(bins: bins, criterion: GradientCriterion(gradients: gradients, hessians: hessians,
                                                                                  lambda: l2Regularization), limits: limits)
                builder.parallelFeatures = outputs == 1
                return builder.grow(samples: everyone, seed: UInt64(round), valueWidth: 1).tree
            }
            for (k, tree) in roundTrees.enumerated() {
                var update = [Double](repeating: 0, count: n)
                tree.accumulate(x, scale: learningRate, into: &update)
                for r in 0..<n { raw[r * outputs + k] += update[r] }
            }
            trees.append(roundTrees)
            TrainingProgress.report(.init(task: "gradient boosting", completed: round + 1, total: rounds))
        }
        return Fitted(initial: initial, trees: trees, learningRate: learningRate, featureCount: x.columns, classCount: classCount)
    }

    /// Class probabilities from raw scores (sigmoid for one output, softmax otherwise).
    static func probabilities(_ raw: [Double], outputs: Int) -> [Double] {
        if outputs == 1 { return raw.map(sigmoid) }
        return Matrix(rows: raw.count / outputs, columns: outputs, values: raw).rowSoftmax().values
    }

    public struct Fitted: FittedClassifier, Sendable {
        let initial: [Double]
        let trees: [[TreeStructure]]
        let learningRate: Double
        public let featureCount: Int
        public let classCount: Int

        public var rounds: Int { trees.count }

        /// Raw additive scores: one column for binary problems (log odds of class 1), else one per class.
        public func decisionFunction(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            let outputs = initial.count
            var raw = [Double](repeating: 0, count: x.rows * outputs)
            for r in 0..<x.rows { for k in 0..<outputs { raw[r * outputs + k] = initial[k] } }
            for k in 0..<outputs {
                var sum = [Double](repeating: 0, count: x.rows)
                for round in trees { round[k].accumulate(x, scale: learningRate, into: &sum) }
                for r in 0..<x.rows { raw[r * outputs + k] += sum[r] }
            }
            return Matrix(rows: x.rows, columns: outputs, values: raw)
        }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            let raw = try decisionFunction(x)
            let p = GradientBoosting.probabilities(raw.values, outputs: raw.columns)
            if raw.columns > 1 { return Matrix(rows: x.rows, columns: raw.columns, values: p) }
            return Matrix(rows: x.rows, columns: 2, values: p.flatMap { [1 - $0, $0] })
        }

        public func predict(_ x: Matrix) throws -> [Int] { try predictProbabilities(x).rowArgmax() }
    }
}

/// Gradient-boosted regression trees on squared error.
///
///     let fitted = try GradientBoostingRegressor(rounds: 200).fit(x, targets)
public struct GradientBoostingRegressor: Regressor, Sendable {
    public var rounds: Int
    public var learningRate: Double
    public var maxDepth: Int
    public var minSamplesLeaf: Int
    public var maxBins: Int

    public init(rounds: Int = 100, learningRate: Double = 0.1, maxDepth: Int = 3, minSamplesLeaf: Int = 1, maxBins: Int = 256) {
        self.rounds = rounds; self.learningRate = learningRate; self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf; self.maxBins = maxBins
    }

    public func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
        try Check.regression(x, y)
        try GradientBoosting(rounds: rounds, learningRate: learningRate, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
                             maxBins: maxBins).validate()
        let bins = FeatureBins(x, maxBins: maxBins)
        let mean = y.reduce(0, +) / Double(y.count)
        var prediction = [Double](repeating: mean, count: y.count)
        let ones = [Double](repeating: 1, count: y.count)
        var trees: [TreeStructure] = []
        for _ in 0..<rounds {
            let gradients = zip(prediction, y).map { $0 - $1 }
            let tree = TreeBuilder(bins: bins, criterion: GradientCriterion(gradients: gradients, hessians: ones, lambda: 0),
                                   limits: TreeLimits(maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf))
                .grow(samples: Array(0..<y.count), seed: 0, valueWidth: 1).tree
            tree.accumulate(x, scale: learningRate, into: &prediction)
            trees.append(tree)
        }
        return Fitted(initial: mean, trees: trees, learningRate: learningRate, featureCount: x.columns)
    }

    public struct Fitted: FittedRegressor, Sendable {
        let initial: Double
        let trees: [TreeStructure]
        let learningRate: Double
        public let featureCount: Int

        public func predict(_ x: Matrix) throws -> [Double] {
            try Check.predictionInput(x, expected: featureCount)
            var out = [Double](repeating: initial, count: x.rows)
            for tree in trees { tree.accumulate(x, scale: learningRate, into: &out) }
            return out
        }
    }
}
