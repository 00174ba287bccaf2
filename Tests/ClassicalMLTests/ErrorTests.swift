import Testing
@testable import ClassicalML

@Suite struct ErrorTests {
    let x = Matrix([[1, 2], [3, 4], [5, 6], [7, 8]])
    let y = [0, 1, 0, 1]

    @Test func mismatchedLengths() {
        #expect(throws: ClassicalMLError.mismatchedLengths(samples: 4, targets: 3)) { try DecisionTree().fit(x, [0, 1, 0]) }
        #expect(throws: ClassicalMLError.mismatchedLengths(samples: 4, targets: 2)) { try Ridge().fit(x, [1, 2]) }
    }

    @Test func nonFiniteInput() {
        var bad = x
        bad[2, 1] = .nan
        #expect(throws: ClassicalMLError.nonFiniteValue(row: 2, column: 1)) { try LogisticRegression().fit(bad, y) }
        bad[2, 1] = .infinity
        #expect(throws: ClassicalMLError.nonFiniteValue(row: 2, column: 1)) { try StandardScaler().fit(bad) }
        #expect(throws: ClassicalMLError.nonFiniteTarget(row: 2)) { try LinearRegression().fit(x, [1, 2, .nan, 4]) }
    }

    @Test func singleClass() {
        #expect(throws: ClassicalMLError.singleClass(label: 1)) { try SVM().fit(x, [1, 1, 1, 1]) }
        #expect(throws: ClassicalMLError.singleClass(label: 0)) { try GaussianNaiveBayes().fit(x, [0, 0, 0, 0]) }
    }

    @Test func moreNeighboursClustersOrFoldsThanSamples() {
        #expect(throws: ClassicalMLError.tooFewSamples(requested: 5, available: 4, what: "k")) { try KNearestNeighbors(k: 5).fit(x, y) }
        #expect(throws: ClassicalMLError.tooFewSamples(requested: 9, available: 4, what: "clusters")) { try KMeans(clusters: 9).fit(x) }
        #expect(throws: ClassicalMLError.self) { try crossValidate(DecisionTree(), x, y, folds: 10) }
    }

    @Test func differentFeatureCountAtPredictTime() throws {
        let wide = Matrix([[1, 2, 3]])
        let mismatch = ClassicalMLError.featureCountMismatch(expected: 2, got: 3)
        #expect(throws: mismatch) { try DecisionTree().fit(x, y).predict(wide) }
        #expect(throws: mismatch) { try RandomForest(trees: 2).fit(x, y).predict(wide) }
        #expect(throws: mismatch) { try LogisticRegression().fit(x, y).predict(wide) }
        #expect(throws: mismatch) { try KNearestNeighbors(k: 1).fit(x, y).predict(wide) }
        #expect(throws: mismatch) { try SVM().fit(x, y).predict(wide) }
        #expect(throws: mismatch) { try PCA(components: 1).fit(x).transform(wide) }
        #expect(throws: mismatch) { try Pipeline { StandardScaler(); GaussianNaiveBayes() }.fit(x, y).predict(wide) }
    }

    @Test func invalidHyperparametersAndReadableMessages() {
        #expect(throws: ClassicalMLError.self) { try DecisionTree(maxDepth: 0).fit(x, y) }
        #expect(throws: ClassicalMLError.self) { try LogisticRegression(c: -1).fit(x, y) }
        #expect(throws: ClassicalMLError.self) { try MultinomialNaiveBayes().fit(Matrix([[-1], [2]]), [0, 1]) }
        #expect(ClassicalMLError.tooFewSamples(requested: 500, available: 150, what: "k").description
                == "k = 500 is larger than the 150 training samples; choose k ≤ 150 or use more data.")
        #expect(ClassicalMLError.featureCountMismatch(expected: 4, got: 3).description.contains("use a Pipeline"))
        #expect(ClassicalMLError.emptyInput.description.contains("at least one sample"))
    }
}
