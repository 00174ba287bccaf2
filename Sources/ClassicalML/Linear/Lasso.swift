/// Lasso regression: minimises `‖y − Xw‖² / (2n) + alpha · ‖w‖₁` by cyclic coordinate
/// descent, as scikit-learn does. Many coefficients end up exactly zero.
///
///     let fitted = try Lasso(alpha: 0.1).fit(x, targets)
///     fitted.coefficients.filter { $0 != 0 }.count    // features kept
public struct Lasso: Regressor, Sendable {
    public var alpha: Double
    public var maxIterations: Int
    /// Stops when no coefficient moves more than this (relative to the largest coefficient).
    public var tolerance: Double
    public var fitIntercept: Bool

    public init(alpha: Double = 1, maxIterations: Int = 1000, tolerance: Double = 1e-6, fitIntercept: Bool = true) {
        self.alpha = alpha; self.maxIterations = maxIterations; self.tolerance = tolerance; self.fitIntercept = fitIntercept
    }

    public func fit(_ x: Matrix, _ y: [Double]) throws -> LinearModel {
        try Check.regression(x, y)
        try Check.parameter(alpha >= 0, "alpha", alpha, "zero or positive")
        let (xc, yc, means, yMean) = centred(x, y, fitIntercept: fitIntercept)
        let n = xc.rows, d = xc.columns
        let columns = (0..<d).map { xc.column($0) }
        let squaredNorms = columns.map { dot($0, $0) }
        var weights = [Double](repeating: 0, count: d)
        var residual = yc
        let penalty = alpha * Double(n)
        for _ in 0..<maxIterations {
            var largestChange = 0.0, largestWeight = 0.0
            for j in 0..<d where squaredNorms[j] > 0 {
                let old = weights[j]
                let rho = dot(columns[j], residual) + squaredNorms[j] * old
                let new = softThreshold(rho, penalty) / squaredNorms[j]
                if new != old {
                    axpy(old - new, columns[j], &residual)
                    weights[j] = new
                }
                largestChange = max(largestChange, abs(new - old))
                largestWeight = max(largestWeight, abs(new))
            }
            if largestChange <= tolerance * max(largestWeight, 1e-12) || largestWeight == 0 { break }
        }
        let intercept = yMean - zip(means, weights).map(*).reduce(0, +)
        return LinearModel(coefficients: weights, intercept: intercept, name: "lasso")
    }
}
