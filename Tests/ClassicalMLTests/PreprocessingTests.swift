import Testing
@testable import ClassicalML

@Suite struct PreprocessingTests {
    @Test func standardScalerGivesMeanZeroVarianceOne() throws {
        let wine = Wine.load()
        let scaled = try StandardScaler().fitTransform(wine.x)
        for m in scaled.columnMeans { #expect(abs(m) < 1e-12) }
        for v in scaled.columnVariances { #expect(abs(v - 1) < 1e-12) }
        let scaler = try StandardScaler().fit(wine.x)
        #expect(largestDifference(scaler.inverseTransform(scaled).values, wine.x.values) < 1e-9)
        let constant = try StandardScaler().fitTransform(Matrix([[1, 2], [1, 4]]))
        #expect(constant.column(0) == [0, 0])
    }

    @Test func minMaxScalerMapsToTheRange() throws {
        let scaled = try MinMaxScaler(range: -1...1).fitTransform(Matrix([[0, 10], [5, 20], [10, 30]]))
        #expect(scaled == Matrix([[-1, -1], [0, 0], [1, 1]]))
    }

    @Test func oneHotEncoderExpandsCategories() throws {
        let x = Matrix([[0.5, 2], [1.5, 0], [2.5, 2]])
        let encoder = try OneHotEncoder(columns: [1]).fit(x)
        #expect(try encoder.transform(x) == Matrix([[0.5, 0, 1], [1.5, 1, 0], [2.5, 0, 1]]))
        #expect(encoder.outputNames(["size", "color"]) == ["size", "color=0", "color=2"])
        #expect(throws: ClassicalMLError.self) { try encoder.transform(Matrix([[1, 7]])) }
        let lenient = try OneHotEncoder(columns: [1], rejectUnknown: false).fit(x)
        #expect(try lenient.transform(Matrix([[1, 7]])) == Matrix([[1, 0, 0]]))
    }

    @Test func polynomialFeaturesFollowScikitLearnOrder() throws {
        let fitted = try PolynomialFeatures(degree: 2).fit(Matrix([[2, 3]]))
        #expect(try fitted.transform(Matrix([[2, 3]])) == Matrix([[1, 2, 3, 4, 6, 9]]))
        #expect(fitted.outputNames(["a", "b"]) == ["1", "a", "b", "a^2", "a b", "b^2"])
        let cubic = try PolynomialFeatures(degree: 3, includeBias: false).fit(Matrix([[1, 1, 1]]))
        #expect(cubic.terms.count == 19)
    }
}
