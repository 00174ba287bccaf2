import Testing
@testable import ClassicalML

@Suite struct PipelineTests {
    @Test func theTargetLookWorks() throws {
        let data = Iris.load()
        let (train, test) = trainTestSplit(data, testFraction: 0.25, stratified: true, seed: 0)
        let model = Pipeline { StandardScaler(); SVM(kernel: .rbf(gamma: 0.1), c: 1) }
        let fitted = try model.fit(train.x, train.y)
        let report = classificationReport(test.y, try fitted.predict(test.x), classNames: data.classNames)
        #expect(report.accuracy > 0.9)
        #expect(String(describing: model) == "Pipeline(StandardScaler → SVM)")
        let scores = try crossValidate(RandomForest(trees: 20, seed: 0), data.x, data.y, folds: 5)
        #expect(scores.mean > 0.9)
    }

    @Test func stepsAreFittedOnTrainingDataOnly() throws {
        let train = Matrix([[0], [10]]), test = Matrix([[5], [20]])
        let fitted = try Pipeline { MinMaxScaler(); KNearestNeighbors(k: 1) }.fit(train, [0, 1])
        #expect(try fitted.transform(test) == Matrix([[0.5], [2]]))
    }

    @Test func builderControlFlowAndRegression() throws {
        let scale = true
        let model = Pipeline {
            if scale { StandardScaler() }
            for _ in 0..<1 { PolynomialFeatures(degree: 2, includeBias: false) }
            Ridge(alpha: 1e-6)
        }
        let xs = (0..<40).map { Double($0) / 10 }
        let fitted = try model.fit(Matrix(column: xs), xs.map { 3 * $0 * $0 - $0 + 2 })
        #expect(try fitted.score(Matrix(column: xs), xs.map { 3 * $0 * $0 - $0 + 2 }) > 0.9999)
        #expect(throws: ClassicalMLError.self) { try Pipeline { StandardScaler() }.fit(Matrix([[1], [2]]), [0, 1]) }
    }

    @Test func accuraciesOnTheClassicsAreInScikitLearnsRange() throws {
        // scikit-learn reaches ≈0.97 (iris, logistic), ≈0.97–0.98 (wine, scaled logistic) and ≈0.98 (digits, RBF SVC).
        let iris = Iris.load(), wine = Wine.load(), digits = Digits.load()
        #expect(try crossValidate(Pipeline { StandardScaler(); LogisticRegression() }, iris.x, iris.y).mean > 0.93)
        #expect(try crossValidate(Pipeline { StandardScaler(); LogisticRegression() }, wine.x, wine.y).mean > 0.95)
        let (train, test) = trainTestSplit(digits, testFraction: 0.25, stratified: true, seed: 0)
        let svm = try Pipeline { MinMaxScaler(); SVM(kernel: .rbf(gamma: 0.05), c: 10) }.fit(train.x, train.y)
        #expect(try svm.score(test.x, test.y) > 0.97)
    }
}
