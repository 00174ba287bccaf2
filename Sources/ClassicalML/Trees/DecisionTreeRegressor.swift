/// A regression tree minimising squared error, grown on histogram splits.
///
///     let fitted = try DecisionTreeRegressor(maxDepth: 4).fit(x, targets)
///     print(fitted.rules(featureNames: names))
public struct DecisionTreeRegressor: Regressor, Sendable {
    public var maxDepth: Int?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    public var maxFeatures: Int?
    public var maxBins: Int
    public var seed: UInt64

    public init(maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1, maxFeatures: Int? = nil,
                maxBins: Int = 256, seed: UInt64 = 0) {
        self.maxDepth = maxDepth; self.minSamplesSplit = minSamplesSplit; self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures; self.maxBins = maxBins; self.seed = seed
    }

    public func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted {
        try Check.regression(x, y)
        let settings = DecisionTree(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                    maxFeatures: maxFeatures, maxBins: maxBins, seed: seed)
        try settings.validate()
        let criterion = GradientCriterion(gradients: y.map { -$0 }, hessians: [Double](repeating: 1, count: y.count), lambda: 0)
        let (tree, gains) = TreeBuilder(bins: FeatureBins(x, maxBins: maxBins), criterion: criterion, limits: settings.limits)
            .grow(samples: Array(0..<x.rows), seed: seed, valueWidth: 1)
        return Fitted(tree: tree, featureCount: x.columns, importances: normalised(gains))
    }

    public struct Fitted: FittedRegressor, Sendable {
        let tree: TreeStructure
        public let featureCount: Int
        public let importances: [Double]

        public var leafCount: Int { tree.leafCount }
        public var depth: Int { tree.maxDepth }

        public func predict(_ x: Matrix) throws -> [Double] {
            try Check.predictionInput(x, expected: featureCount)
            var out = [Double](repeating: 0, count: x.rows)
            tree.accumulate(x, into: &out)
            return out
        }

        public func featureImportances(featureNames names: [String]? = nil) -> FeatureWeights {
            FeatureWeights(names: featureNames(names, count: featureCount), values: importances, title: "feature importances")
        }

        public func rules(featureNames names: [String]? = nil) -> String {
            renderRules(tree, featureNames: featureNames(names, count: featureCount)) { values, samples in
                "value \(formatNumber(values[0]))  (\(samples) samples)"
            }
        }
    }
}
