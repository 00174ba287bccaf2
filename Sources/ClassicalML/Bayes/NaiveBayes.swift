import Foundation

/// Gaussian naive Bayes: each feature normal within each class, variances smoothed by
/// `varianceSmoothing × (largest feature variance)` as in scikit-learn.
///
///     let fitted = try GaussianNaiveBayes().fit(train.x, train.y)
public struct GaussianNaiveBayes: Classifier, Sendable {
    public var varianceSmoothing: Double

    public init(varianceSmoothing: Double = 1e-9) { self.varianceSmoothing = varianceSmoothing }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try Check.parameter(varianceSmoothing >= 0, "varianceSmoothing", varianceSmoothing, "zero or positive")
        let epsilon = varianceSmoothing * (x.columnVariances.max() ?? 0)
        var means = Matrix(rows: classCount, columns: x.columns)
        var variances = Matrix(rows: classCount, columns: x.columns)
        var priors = [Double](repeating: 0, count: classCount)
        for c in 0..<classCount {
            let rows = y.indices.filter { y[$0] == c }
            priors[c] = Double(rows.count) / Double(y.count)
            guard !rows.isEmpty else { continue }
            let part = x.rows(rows)
            let m = part.columnMeans, v = part.columnVariances
            for f in 0..<x.columns { means[c, f] = m[f]; variances[c, f] = v[f] + epsilon }
        }
        return Fitted(means: means, variances: variances, priors: priors)
    }

    public struct Fitted: FittedClassifier, Sendable {
        /// Per-class feature means (`classes × features`).
        public let means: Matrix
        /// Per-class feature variances, smoothed.
        public let variances: Matrix
        /// Class frequencies in training.
        public let priors: [Double]
        public var featureCount: Int { means.columns }
        public var classCount: Int { means.rows }

        /// Unnormalised log posterior of every class.
        public func jointLogLikelihood(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            var out = Matrix(rows: x.rows, columns: classCount)
            for c in 0..<classCount {
                guard priors[c] > 0 else { for r in 0..<x.rows { out[r, c] = -.infinity }; continue }
                var base = log(priors[c])
                for f in 0..<featureCount { base -= 0.5 * log(2 * Double.pi * variances[c, f]) }
                for r in 0..<x.rows {
                    var s = base
                    for f in 0..<featureCount {
                        let d = x[r, f] - means[c, f]
                        s -= 0.5 * d * d / variances[c, f]
                    }
                    out[r, c] = s
                }
            }
            return out
        }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix { try jointLogLikelihood(x).rowSoftmax() }
        public func predict(_ x: Matrix) throws -> [Int] { try jointLogLikelihood(x).rowArgmax() }
    }
}

/// Multinomial naive Bayes for counts (word counts, pixel intensities), with additive
/// (Laplace) smoothing `alpha`.
///
///     let fitted = try MultinomialNaiveBayes(alpha: 1).fit(counts, labels)
public struct MultinomialNaiveBayes: Classifier, Sendable {
    public var alpha: Double

    public init(alpha: Double = 1) { self.alpha = alpha }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try Check.parameter(alpha >= 0, "alpha", alpha, "zero or positive")
        if let negative = x.values.firstIndex(where: { $0 < 0 }) {
            throw ClassicalMLError.invalidHyperparameter(name: "x[\(negative / x.columns), \(negative % x.columns)]",
                                                         value: formatNumber(x.values[negative]),
                                                         requirement: "non-negative for multinomial naive Bayes (counts); use GaussianNaiveBayes or MinMaxScaler")
        }
        var counts = Matrix(rows: classCount, columns: x.columns)
        var classTotals = [Double](repeating: 0, count: classCount)
        for r in 0..<x.rows {
            classTotals[y[r]] += 1
            for f in 0..<x.columns { counts[y[r], f] += x[r, f] }
        }
        var logProbabilities = counts
        for c in 0..<classCount {
            let total = (0..<x.columns).reduce(0.0) { $0 + counts[c, $1] } + alpha * Double(x.columns)
            for f in 0..<x.columns { logProbabilities[c, f] = log((counts[c, f] + alpha) / total) }
        }
        let logPriors = classTotals.map { $0 > 0 ? log($0 / Double(x.rows)) : -Double.infinity }
        return Fitted(featureLogProbabilities: logProbabilities, classLogPriors: logPriors)
    }

    public struct Fitted: FittedClassifier, Sendable {
        /// `log P(feature | class)`, `classes × features`.
        public let featureLogProbabilities: Matrix
        public let classLogPriors: [Double]
        public var featureCount: Int { featureLogProbabilities.columns }
        public var classCount: Int { featureLogProbabilities.rows }

        func jointLogLikelihood(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            var scores = x.multiplied(by: featureLogProbabilities, transposeOther: true)
            for r in 0..<scores.rows { for c in 0..<classCount { scores[r, c] += classLogPriors[c] } }
            return scores
        }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix { try jointLogLikelihood(x).rowSoftmax() }
        public func predict(_ x: Matrix) throws -> [Int] { try jointLogLikelihood(x).rowArgmax() }
    }
}
