/// A classification tree (CART) grown on histogram splits over binned features (at most 256
/// bins per feature), which makes it much faster than an exact tree on large data.
///
///     let tree = try DecisionTree(maxDepth: 3).fit(train.x, train.y)
///     print(tree.rules(featureNames: data.featureNames, classNames: data.classNames))
///     print(tree.featureImportances(featureNames: data.featureNames))
public struct DecisionTree: Classifier, Sendable {
    public enum Criterion: Sendable { case gini, entropy }

    public var criterion: Criterion
    public var maxDepth: Int?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    /// Features examined at each split (all when nil); a random subset otherwise.
    public var maxFeatures: Int?
    /// Bins per feature, 2…256.
    public var maxBins: Int
    public var seed: UInt64

    public init(criterion: Criterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: Int? = nil, maxBins: Int = 256, seed: UInt64 = 0) {
        self.criterion = criterion; self.maxDepth = maxDepth; self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf; self.maxFeatures = maxFeatures; self.maxBins = maxBins; self.seed = seed
    }

    func validate() throws {
        if let maxDepth { try Check.parameter(maxDepth >= 1, "maxDepth", maxDepth, "at least 1 (or nil for no limit)") }
        try Check.parameter(minSamplesSplit >= 2, "minSamplesSplit", minSamplesSplit, "at least 2")
        try Check.parameter(minSamplesLeaf >= 1, "minSamplesLeaf", minSamplesLeaf, "at least 1")
        try Check.parameter(maxBins >= 2 && maxBins <= 256, "maxBins", maxBins, "between 2 and 256")
        if let maxFeatures { try Check.parameter(maxFeatures >= 1, "maxFeatures", maxFeatures, "at least 1 (or nil for all)") }
    }

    var limits: TreeLimits {
        TreeLimits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures)
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try validate()
        let bins = FeatureBins(x, maxBins: maxBins)
        let criterion = ClassCountCriterion(labels: y, weights: nil, classCount: classCount, entropy: self.criterion == .entropy)
        let (tree, gains) = TreeBuilder(bins: bins, criterion: criterion, limits: limits)
            .grow(samples: Array(0..<x.rows), seed: seed, valueWidth: classCount)
        return Fitted(tree: tree, featureCount: x.columns, classCount: classCount, importances: normalised(gains))
    }

    public struct Fitted: FittedClassifier, Sendable {
        let tree: TreeStructure
        public let featureCount: Int
        public let classCount: Int
        /// The total impurity decrease credited to every feature, summing to 1.
        public let importances: [Double]

        /// The number of nodes (splits and leaves).
        public var nodeCount: Int { tree.nodeCount }
        /// The number of leaves.
        public var leafCount: Int { tree.leafCount }
        /// The depth of the deepest leaf.
        public var depth: Int { tree.maxDepth }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            var out = [Double](repeating: 0, count: x.rows * classCount)
            tree.accumulate(x, into: &out)
            return Matrix(rows: x.rows, columns: classCount, values: out)
        }

        public func predict(_ x: Matrix) throws -> [Int] {
            try predictProbabilities(x).rowArgmax()
        }

        /// Feature importances by name, printed sorted.
        public func featureImportances(featureNames names: [String]? = nil) -> FeatureWeights {
            FeatureWeights(names: featureNames(names, count: featureCount), values: importances, title: "feature importances")
        }

        /// The tree as nested if/else rules, one line per node.
        public func rules(featureNames names: [String]? = nil, classNames: [String]? = nil) -> String {
            let labels = classNames ?? (0..<classCount).map { "class \($0)" }
            return renderRules(tree, featureNames: featureNames(names, count: featureCount)) { values, samples in
                let best = values.indices.max { values[$0] < values[$1] } ?? 0
                return "\(best < labels.count ? labels[best] : "class \(best)")  (\(samples) samples, \(Int((values[best] * 100).rounded()))% pure)"
            }
        }
    }
}

/// Scales gains so that they sum to 1 (all zeros stay zeros).
func normalised(_ gains: [Double]) -> [Double] {
    let total = gains.reduce(0, +)
    return total > 0 ? gains.map { $0 / total } : gains
}

/// Renders a tree as indented rules:
///
///     if petal length (cm) <= 2.45:
///         setosa  (37 samples, 100% pure)
///     else:
///         …
func renderRules(_ tree: TreeStructure, featureNames: [String], leaf: ([Double], Int) -> String) -> String {
    var lines: [String] = []
    func visit(_ node: Int, _ indent: String) {
        if tree.feature[node] < 0 {
            let values = Array(tree.values[node * tree.valueWidth ..< (node + 1) * tree.valueWidth])
            lines.append(indent + leaf(values, tree.samples[node]))
            return
        }
        lines.append(indent + "if \(featureNames[tree.feature[node]]) <= \(formatNumber(tree.threshold[node])):")
        visit(tree.left[node], indent + "    ")
        lines.append(indent + "else:  # \(featureNames[tree.feature[node]]) > \(formatNumber(tree.threshold[node]))")
        visit(tree.right[node], indent + "    ")
    }
    visit(0, "")
    return lines.joined(separator: "\n")
}
