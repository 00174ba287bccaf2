import Foundation

/// Logistic regression: binary (sigmoid) for two classes, multinomial (softmax) for more.
/// Minimises `C · Σ log-loss + penalty(w)` like scikit-learn: L2 by L-BFGS, L1 by accelerated
/// proximal gradient (FISTA). The intercept is not penalised.
///
///     let fitted = try LogisticRegression(c: 1).fit(train.x, train.y)
///     let probabilities = try fitted.predictProbabilities(test.x)
///     print(fitted.coefficients(featureNames: data.featureNames, forClass: 0))
public struct LogisticRegression: Classifier, Sendable {
    public enum Penalty: Sendable { case l2, l1, none }

    public var penalty: Penalty
    /// The inverse regularisation strength (larger is weaker regularisation).
    public var c: Double
    public var maxIterations: Int
    /// The gradient size (of the mean loss) at which optimisation stops.
    public var tolerance: Double
    public var fitIntercept: Bool

    public init(penalty: Penalty = .l2, c: Double = 1, maxIterations: Int = 200, tolerance: Double = 1e-6,
                fitIntercept: Bool = true) {
        self.penalty = penalty; self.c = c; self.maxIterations = maxIterations
        self.tolerance = tolerance; self.fitIntercept = fitIntercept
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try Check.parameter(c > 0, "c", c, "positive")
        try Check.parameter(maxIterations > 0, "maxIterations", maxIterations, "positive")
        let loss = LogisticLoss(x: x, y: y, classCount: classCount, fitIntercept: fitIntercept)
        let n = Double(x.rows)
        let start = [Double](repeating: 0, count: loss.parameterCount)
        var parameters: [Double]
        var iterations: Int
        switch penalty {
        case .l2, .none:
            let strength = penalty == .l2 ? 1 / (c * n) : 0
            let result = LBFGS(maxIterations: maxIterations, tolerance: tolerance).minimize(from: start) { theta in
                var (value, gradient) = loss.valueAndGradient(theta)
                for i in 0..<loss.weightCount {
                    value += 0.5 * strength * theta[i] * theta[i]
                    gradient[i] += strength * theta[i]
                }
                return (value, gradient)
            }
            parameters = result.parameters; iterations = result.iterations
        case .l1:
            (parameters, iterations) = ProximalGradient(maxIterations: maxIterations * 5, tolerance: tolerance)
                .minimize(from: start, l1Strength: 1 / (c * n), penalised: loss.weightCount, loss.valueAndGradient)
        }
        return Fitted(loss.unpack(parameters), featureCount: x.columns, classCount: classCount, iterations: iterations)
    }

    public struct Fitted: FittedClassifier, Sendable {
        /// One row of weights per class (a single row for binary problems, for class 1).
        public let weights: Matrix
        /// One intercept per row of `weights`.
        public let intercepts: [Double]
        public let featureCount: Int
        public let classCount: Int
        /// Optimiser iterations used.
        public let iterations: Int

        init(_ unpacked: (weights: Matrix, intercepts: [Double]), featureCount: Int, classCount: Int, iterations: Int) {
            weights = unpacked.weights; intercepts = unpacked.intercepts
            self.featureCount = featureCount; self.classCount = classCount; self.iterations = iterations
        }

        /// Raw scores `x · wᵀ + b`: one column per row of `weights`.
        public func decisionFunction(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            var scores = x.multiplied(by: weights, transposeOther: true)
            for r in 0..<scores.rows { for k in 0..<scores.columns { scores[r, k] += intercepts[k] } }
            return scores
        }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            let scores = try decisionFunction(x)
            if weights.rows == 1 {
                var out = Matrix(rows: x.rows, columns: 2)
                for r in 0..<x.rows {
                    let p = sigmoid(scores[r, 0])
                    out[r, 0] = 1 - p; out[r, 1] = p
                }
                return out
            }
            return scores.rowSoftmax()
        }

        public func predict(_ x: Matrix) throws -> [Int] {
            let scores = try decisionFunction(x)
            if weights.rows == 1 { return scores.values.map { $0 > 0 ? 1 : 0 } }
            return scores.rowArgmax()
        }

        /// The weights of one class (class 1 for binary problems) by feature name.
        public func coefficients(featureNames names: [String]? = nil, forClass k: Int? = nil) -> FeatureWeights {
            let row = weights.rows == 1 ? 0 : (k ?? 0)
            let label = weights.rows == 1 ? "class 1" : "class \(k ?? 0)"
            return FeatureWeights(names: featureNames(names, count: featureCount), values: weights.row(row),
                                  title: "logistic regression weights for \(label) (intercept \(formatNumber(intercepts[row])))")
        }
    }
}

func sigmoid(_ z: Double) -> Double {
    z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
}

extension Matrix {
    /// Softmax of every row, computed stably.
    func rowSoftmax() -> Matrix {
        var out = self
        for r in 0..<rows {
            var top = -Double.infinity
            for c in 0..<columns { top = max(top, out[r, c]) }
            var sum = 0.0
            for c in 0..<columns { let e = exp(out[r, c] - top); out[r, c] = e; sum += e }
            for c in 0..<columns { out[r, c] /= sum }
        }
        return out
    }
}
