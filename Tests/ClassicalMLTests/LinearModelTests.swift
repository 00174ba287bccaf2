import Testing
@testable import ClassicalML

@Suite struct LinearModelTests {
    @Test func multinomialLogisticMatchesScikitLearn() throws {
        let iris = Iris.load()
        let fitted = try LogisticRegression(c: 1, maxIterations: 2000, tolerance: 1e-10).fit(standardised(iris.x), iris.y)
        let coef = Reference.table("logistic_iris", "coef")
        for k in 0..<3 { #expect(largestDifference(fitted.weights.row(k), coef[k]) < 1e-3) }
        #expect(largestDifference(fitted.intercepts, Reference.numbers("logistic_iris", "intercept")) < 1e-3)
    }

    @Test func binaryLogisticMatchesScikitLearn() throws {
        let cancer = BreastCancer.load()
        let fitted = try LogisticRegression(c: 0.5, maxIterations: 2000, tolerance: 1e-10).fit(standardised(cancer.x), cancer.y)
        #expect(fitted.weights.rows == 1)
        #expect(largestDifference(fitted.weights.row(0), Reference.numbers("logistic_cancer", "coef")) < 1e-3)
        #expect(abs(fitted.intercepts[0] - Reference.number("logistic_cancer", "intercept")) < 1e-3)
    }

    @Test func l1LogisticIsSparseAndMatches() throws {
        let cancer = BreastCancer.load()
        let fitted = try LogisticRegression(penalty: .l1, c: 0.5, maxIterations: 4000, tolerance: 1e-9)
            .fit(standardised(cancer.x), cancer.y)
        let reference = Reference.numbers("logistic_cancer_l1", "coef")
        #expect(largestDifference(fitted.weights.row(0), reference) < 1e-2)
        let zeros = fitted.weights.row(0).filter { $0 == 0 }.count
        #expect(zeros >= 15)
    }

    @Test func probabilitiesSumToOneAndCoefficientsAreNamed() throws {
        let iris = Iris.load()
        let fitted = try LogisticRegression().fit(standardised(iris.x), iris.y)
        let p = try fitted.predictProbabilities(standardised(iris.x))
        for r in 0..<p.rows { #expect(abs((0..<3).map { p[r, $0] }.reduce(0, +) - 1) < 1e-12) }
        #expect(try fitted.score(standardised(iris.x), iris.y) > 0.95)
        let named = fitted.coefficients(featureNames: iris.featureNames, forClass: 0)
        #expect(named["petal length (cm)"] == fitted.weights[0, 2])
        #expect(String(describing: named).contains("petal length (cm)"))
    }

    @Test func leastSquaresRidgeAndLassoMatchScikitLearn() throws {
        let iris = Iris.load()
        let x = iris.x.columns([0, 1, 2]), y = iris.x.column(3)
        for (name, model) in [("linear", LinearRegression() as any Regressor), ("ridge", Ridge(alpha: 10)),
                              ("lasso", Lasso(alpha: 0.05, maxIterations: 100_000, tolerance: 1e-12) as any Regressor)] {
            let fitted = try model.fit(x, y) as! LinearModel
            let reference = Reference.entry("regression_iris")[name] as! [String: Any]
            let coef = (reference["coef"] as! [Double])
            #expect(largestDifference(fitted.coefficients, coef) < 1e-6, "\(name)")
            #expect(abs(fitted.intercept - (reference["intercept"] as! Double)) < 1e-6, "\(name)")
        }
    }
}
