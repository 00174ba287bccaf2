import Testing
@testable import ClassicalML

@Suite struct ModelSelectionTests {
    @Test func stratifiedSplitKeepsProportions() {
        let iris = Iris.load()
        let (train, test) = trainTestSplit(iris, testFraction: 0.2, stratified: true, seed: 0)
        #expect(train.count == 120 && test.count == 30)
        #expect(test.classCounts == [10, 10, 10])
        let split = trainTestSplit(iris.x, iris.y, testFraction: 0.2, seed: 3)
        #expect(split.trainX.rows == 120 && split.testY.count == 30)
        #expect(trainTestSplit(iris, seed: 7).test == trainTestSplit(iris, seed: 7).test)
    }

    @Test func foldsPartitionTheSamples() throws {
        let splits = try KFold(folds: 4, seed: 1).splits(count: 10)
        #expect(splits.flatMap(\.test).sorted() == Array(0..<10))
        for s in splits { #expect(Set(s.train).isDisjoint(with: s.test) && s.train.count + s.test.count == 10) }
        let labels = [Int](repeating: 0, count: 20) + [Int](repeating: 1, count: 10)
        for s in try StratifiedKFold(folds: 5).splits(labels: labels) {
            #expect(s.test.filter { labels[$0] == 0 }.count == 4 && s.test.filter { labels[$0] == 1 }.count == 2)
        }
    }

    @Test func crossValidationAndGridSearch() throws {
        let iris = Iris.load()
        let scores = try crossValidate(DecisionTree(maxDepth: 3), iris.x, iris.y, folds: 5)
        #expect(scores.scores.count == 5 && scores.mean > 0.9)
        #expect(String(describing: scores).hasPrefix("accuracy 0.9"))
        let search = try GridSearch(candidates: [1, 5].map { KNearestNeighbors(k: $0) }, folds: 3).fit(iris.x, iris.y)
        #expect(search.results.count == 2 && search.bestScore == search.results.map(\.mean).max())
        #expect(try search.score(iris.x, iris.y) > 0.9)
    }
}
