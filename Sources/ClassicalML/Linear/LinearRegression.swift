import NumericCore

/// Ordinary least squares (`alpha = 0`) and ridge regression (`alpha > 0`), solved exactly
/// through the normal equations `(XᵀX + αI) w = Xᵀy` on centred data (Cholesky, LAPACK).
///
///     let fitted = try LinearRegression().fit(x, targets)
///     print(fitted.coefficients(featureNames: data.featureNames))
public struct LinearRegression: Regressor, Sendable {
    public var fitIntercept: Bool

    public init(fitIntercept: Bool = true) { self.fitIntercept = fitIntercept }

    public func fit(_ x: Matrix, _ y: [Double]) throws -> LinearModel {
        try Check.regression(x, y)
        return try solveRidge(x, y, alpha: 0, fitIntercept: fitIntercept, name: "linear regression")
    }
}

/// Ridge regression: least squares plus `alpha · ‖w‖²`.
///
///     let fitted = try Ridge(alpha: 1).fit(x, targets)
public struct Ridge: Regressor, Sendable {
    public var alpha: Double
    public var fitIntercept: Bool

    public init(alpha: Double = 1, fitIntercept: Bool = true) { self.alpha = alpha; self.fitIntercept = fitIntercept }

    public func fit(_ x: Matrix, _ y: [Double]) throws -> LinearModel {
        try Check.regression(x, y)
        try Check.parameter(alpha >= 0, "alpha", alpha, "zero or positive")
        return try solveRidge(x, y, alpha: alpha, fitIntercept: fitIntercept, name: "ridge")
    }
}

/// A fitted linear regressor: `prediction = x · coefficients + intercept`.
public struct LinearModel: FittedRegressor, Sendable {
    public let coefficients: [Double]
    public let intercept: Double
    let name: String

    public var featureCount: Int { coefficients.count }

    public func predict(_ x: Matrix) throws -> [Double] {
        try Check.predictionInput(x, expected: featureCount)
        return x.multiplied(by: coefficients).map { $0 + intercept }
    }

    /// The coefficients by feature name, sorted by magnitude when printed.
    public func coefficients(featureNames names: [String]? = nil) -> FeatureWeights {
        FeatureWeights(names: featureNames(names, count: featureCount), values: coefficients,
                       title: "\(name) coefficients (intercept \(formatNumber(intercept)))")
    }
}

/// Centres `x` and `y` (when fitting an intercept) and returns the centred copies and means.
func centred(_ x: Matrix, _ y: [Double], fitIntercept: Bool) -> (x: Matrix, y: [Double], xMeans: [Double], yMean: Double) {
    guard fitIntercept else { return (x, y, [Double](repeating: 0, count: x.columns), 0) }
    let means = x.columnMeans
    let yMean = y.reduce(0, +) / Double(y.count)
    return (x.mappingColumns { c, v in v - means[c] }, y.map { $0 - yMean }, means, yMean)
}

func solveRidge(_ x: Matrix, _ y: [Double], alpha: Double, fitIntercept: Bool, name: String) throws -> LinearModel {
    let (xc, yc, means, yMean) = centred(x, y, fitIntercept: fitIntercept)
    var gram = xc.multiplied(by: xc, transposeSelf: true)
    let rhs = xc.multiplied(by: Matrix(column: yc), transposeSelf: true).values
    let d = x.columns
    for i in 0..<d { gram[i, i] += alpha }
    var weights: [Double]? = try? withSingleThreadedBLAS { try LAPACK.choleskySolve(gram.values, n: d, rhs, nrhs: 1) }
    if weights == nil {
        // Singular (collinear features): add the smallest ridge that makes the system solvable.
        let trace = (0..<d).map { gram[$0, $0] }.reduce(0, +)
        for i in 0..<d { gram[i, i] += 1e-10 * max(trace / Double(d), 1) }
        weights = try? withSingleThreadedBLAS { try LAPACK.choleskySolve(gram.values, n: d, rhs, nrhs: 1) }
    }
    guard let weights else { throw ClassicalMLError.numericalFailure("the normal equations of \(name) are singular") }
    let intercept = yMean - zip(means, weights).map(*).reduce(0, +)
    return LinearModel(coefficients: weights, intercept: intercept, name: name)
}
