import Testing
@testable import ClassicalML

/// Synthetic regression data is what it says: a linear model recovers its weights.
@Suite struct SyntheticRegressionTests {
    @Test func linearRegressionDataRecoversItsWeights() throws {
        let (data, weights) = Synthetic.linearRegression(count: 400, features: 3, noise: 0.1, bias: 2, seed: 5)
        let fitted = try LinearRegression().fit(data.x, data.targets)
        #expect(largestDifference(fitted.coefficients, weights) < 0.05)
        #expect(abs(fitted.intercept - 2) < 0.05)
    }
}
