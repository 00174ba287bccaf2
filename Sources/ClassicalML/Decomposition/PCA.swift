import NumericCore

/// Principal component analysis: projects centred data onto the directions of largest
/// variance. The exact solver takes the top eigenvectors of the covariance matrix (`?syrk`,
/// then LAPACK `?syevr` for just the wanted eigenpairs; single precision for large data, see
/// `CovarianceEigen`);
/// for many features (over 1,500) and few components, `.automatic` uses a seeded randomized
/// SVD instead. Each component's sign is fixed so that its largest-magnitude entry is positive.
///
///     let pca = try PCA(components: 2).fit(data.x)
///     let projected = try pca.transform(data.x)      // 150 × 2
///     pca.explainedVarianceRatio                     // [0.92, 0.05]
public struct PCA: Transformer, Sendable {
    public enum Solver: Sendable { case automatic, exact, randomized }

    /// How many components to keep (nil keeps all).
    public var components: Int?
    public var solver: Solver
    /// Seeds the randomized solver.
    public var seed: UInt64

    public init(components: Int? = nil, solver: Solver = .automatic, seed: UInt64 = 0) {
        self.components = components; self.solver = solver; self.seed = seed
    }

    func usesRandomized(rows: Int, columns: Int, keep: Int) -> Bool {
        switch solver {
        case .exact: return false
        case .randomized: return true
        // The covariance route costs one well-shaped GEMM plus a d × d eigen-decomposition, which
        // beats the randomized route's many thin GEMMs until d reaches the low thousands.
        case .automatic: return columns > 1500 && Double(keep) < 0.8 * Double(min(rows, columns))
        }
    }

    public func fit(_ x: Matrix) throws -> Fitted {
        try Check.features(x)
        let keep = components ?? min(x.rows, x.columns)
        try Check.parameter(keep >= 1, "components", keep, "at least 1")
        guard keep <= x.columns else {
            throw ClassicalMLError.invalidHyperparameter(name: "components", value: "\(keep)", requirement: "at most the \(x.columns) features")
        }
        guard keep <= x.rows else { throw ClassicalMLError.tooFewSamples(requested: keep, available: x.rows, what: "components") }
        let means = x.columnMeans
        if usesRandomized(rows: x.rows, columns: x.columns, keep: keep) {
            let centred = x.mappingColumns { c, v in v - means[c] }
            let iterations = Double(keep) < 0.1 * Double(min(x.rows, x.columns)) ? 7 : 4
            let (vectors, singular) = try RandomizedSVD.top(centred, rank: keep, powerIterations: iterations, seed: seed)
            let denominator = Double(max(1, x.rows - 1))
            let totalVariance = centred.columnVariances.reduce(0, +) * Double(x.rows) / denominator
            var rows: [Double] = []
            for k in 0..<keep { rows += PCA.signFixed(vectors.row(k)) }
            let variances = singular.map { $0 * $0 / denominator }
            return Fitted(components: Matrix(rows: keep, columns: x.columns, values: rows), means: means,
                          explainedVariance: variances,
                          explainedVarianceRatio: variances.map { totalVariance > 0 ? $0 / totalVariance : 0 })
        }
        let (vectors, variances, totalVariance) = try CovarianceEigen.top(x, means: means, count: keep)
        var picked: [Double] = []
        picked.reserveCapacity(keep * x.columns)
        for rank in 0..<keep { picked += PCA.signFixed(vectors.row(rank)) }
        return Fitted(components: Matrix(rows: keep, columns: x.columns, values: picked), means: means,
                      explainedVariance: variances,
                      explainedVarianceRatio: variances.map { totalVariance > 0 ? $0 / totalVariance : 0 })
    }

    /// The vector with its sign chosen so that its largest-magnitude entry is positive.
    static func signFixed(_ row: [Double]) -> [Double] {
        let largest = row.indices.max { abs(row[$0]) < abs(row[$1]) } ?? 0
        return row[largest] < 0 ? row.map { -$0 } : row
    }

    public struct Fitted: FittedTransformer, Sendable {
        /// One principal axis per row (`components × features`), unit length.
        public let components: Matrix
        /// The feature means subtracted before projecting.
        public let means: [Double]
        /// The variance along every component.
        public let explainedVariance: [Double]
        /// The fraction of total variance along every component.
        public let explainedVarianceRatio: [Double]
        public var featureCount: Int { means.count }

        public func transform(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            return x.mappingColumns { c, v in v - means[c] }.multiplied(by: components, transposeOther: true)
        }

        /// Maps projected points back to feature space (exact when all components are kept).
        public func inverseTransform(_ projected: Matrix) -> Matrix {
            projected.multiplied(by: components).mappingColumns { c, v in v + means[c] }
        }
    }
}
