import Foundation
import NumericCore

/// A random forest of classification trees: each tree sees a bootstrap sample and a random
/// subset of features at every split; trees grow in parallel over the cores, and predictions
/// average the trees' class probabilities.
///
///     let forest = try RandomForest(trees: 100, seed: 0).fit(train.x, train.y)
///     print(forest.outOfBagScore ?? 0)
///     print(forest.featureImportances(featureNames: data.featureNames))
public struct RandomForest: Classifier, Sendable {
    /// How many features each split looks at.
    public enum FeatureSubset: Sendable { case sqrt, log2, all, count(Int), fraction(Double) }

    public var trees: Int
    public var criterion: DecisionTree.Criterion
    public var maxDepth: Int?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    public var maxFeatures: FeatureSubset
    public var bootstrap: Bool
    /// Whether to compute the out-of-bag accuracy (needs `bootstrap`).
    public var outOfBag: Bool
    public var maxBins: Int
    public var seed: UInt64

    public init(trees: Int = 100, criterion: DecisionTree.Criterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2,
                minSamplesLeaf: Int = 1, maxFeatures: FeatureSubset = .sqrt, bootstrap: Bool = true, outOfBag: Bool = true,
                maxBins: Int = 256, seed: UInt64 = 0) {
        self.trees = trees; self.criterion = criterion; self.maxDepth = maxDepth; self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf; self.maxFeatures = maxFeatures; self.bootstrap = bootstrap
        self.outOfBag = outOfBag; self.maxBins = maxBins; self.seed = seed
    }

    func featureCount(of total: Int) -> Int {
        switch maxFeatures {
        case .sqrt: return max(1, Int(Double(total).squareRoot()))
        case .log2: return max(1, Int(log2(Double(total))))
        case .all: return total
        case .count(let n): return max(1, min(total, n))
        case .fraction(let f): return max(1, min(total, Int(f * Double(total))))
        }
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try Check.parameter(trees >= 1, "trees", trees, "at least 1")
        let settings = DecisionTree(criterion: criterion, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
                                    minSamplesLeaf: minSamplesLeaf, maxFeatures: featureCount(of: x.columns), maxBins: maxBins)
        try settings.validate()
        let bins = FeatureBins(x, maxBins: maxBins)
        let n = x.rows
        let grown = TreeQueue.map(trees) { t -> (TreeStructure, [Double], [Bool]) in
            var rng = SeededGenerator(seed: seed &+ UInt64(t) &* 0x9E37_79B9)
            var counts = [Double](repeating: bootstrap ? 0 : 1, count: n)
            if bootstrap { for _ in 0..<n { counts[rng.nextInt(below: n)] += 1 } }
            let inBag = counts.map { $0 > 0 }
            let criterion = ClassCountCriterion(labels: y, weights: counts, classCount: classCount,
                                                entropy: criterion == .entropy)
            var builder = TreeBuilder(bins: bins, criterion: criterion, limits: settings.limits)
            builder.parallelFeatures = false
            let (tree, gains) = builder.grow(samples: (0..<n).filter { inBag[$0] }, seed: rng.next(), valueWidth: classCount)
            return (tree, normalised(gains), inBag)
        }
        var importances = [Double](repeating: 0, count: x.columns)
        for (_, gains, _) in grown { axpy(1 / Double(trees), gains, &importances) }
        var oobScore: Double? = nil
        if bootstrap && outOfBag {
            var votes = [Double](repeating: 0, count: n * classCount)
            x.values.withUnsafeBufferPointer { data in
                for (tree, _, inBag) in grown {
                    for r in 0..<n where !inBag[r] {
                        let leaf = tree.leaf(for: data.baseAddress! + r * x.columns)
                        for k in 0..<classCount { votes[r * classCount + k] += tree.values[leaf * classCount + k] }
                    }
                }
            }
            let scored = (0..<n).filter { r in (0..<classCount).contains { votes[r * classCount + $0] > 0 } }
            if !scored.isEmpty {
                let predicted = scored.map { r in (0..<classCount).max { votes[r * classCount + $0] < votes[r * classCount + $1] }! }
                oobScore = accuracy(scored.map { y[$0] }, predicted)
            }
        }
        return Fitted(trees: grown.map(\.0), featureCount: x.columns, classCount: classCount,
                      importances: normalised(importances), outOfBagScore: oobScore)
    }

    public struct Fitted: FittedClassifier, Sendable {
        let trees: [TreeStructure]
        public let featureCount: Int
        public let classCount: Int
        /// Mean impurity decrease per feature over the trees, summing to 1.
        public let importances: [Double]
        /// Accuracy of each sample predicted by the trees that did not see it, when computed.
        public let outOfBagScore: Double?

        public var treeCount: Int { trees.count }
        /// Nodes over all trees (splits and leaves): how much the forest grew.
        public var nodeCount: Int { trees.reduce(0) { $0 + $1.nodeCount } }
        /// Leaves over all trees.
        public var leafCount: Int { trees.reduce(0) { $0 + $1.leafCount } }
        /// The depth of the deepest leaf of any tree.
        public var depth: Int { trees.map(\.maxDepth).max() ?? 0 }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            let k = classCount
            let scale = 1 / Double(trees.count)
            // Chunks of rows, each summing its rows' votes over the trees in tree order: the same
            // sums for every thread count.
            var total = [Double](repeating: 0, count: x.rows * k)
            x.values.withUnsafeBufferPointer { data in
                total.withUnsafeMutableBufferPointer { out in
                    Parallel.forChunks(0..<x.rows, minChunk: 64) { rows in
                        for tree in trees {
                            tree.accumulate(rows: rows, of: data.baseAddress!, columns: x.columns, scale: scale, into: out.baseAddress!)
                        }
                    }
                }
            }
            return Matrix(rows: x.rows, columns: k, values: total)
        }

        public func predict(_ x: Matrix) throws -> [Int] {
            try predictProbabilities(x).rowArgmax()
        }

        public func featureImportances(featureNames names: [String]? = nil) -> FeatureWeights {
            FeatureWeights(names: featureNames(names, count: featureCount), values: importances, title: "feature importances (mean decrease in impurity)")
        }
    }
}
