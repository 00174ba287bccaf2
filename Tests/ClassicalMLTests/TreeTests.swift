import Testing
@testable import ClassicalML

@Suite struct TreeTests {
    @Test(arguments: [("iris", 3), ("cancer", 4)])
    func treePredictionsMatchScikitLearn(name: String, depth: Int) throws {
        let data = name == "iris" ? Iris.load() : BreastCancer.load()
        let split = fixedSplit(data.x, data.y)
        let tree = try DecisionTree(maxDepth: depth).fit(split.trainX, split.trainY)
        let predicted = try tree.predict(split.testX)
        let reference = Reference.integers("tree_" + name, "predictions")
        // Iris has few distinct values, so the binned thresholds are the exact ones; breast cancer
        // has features with more than 256 distinct values, binned at quantiles, so a few splits differ.
        #expect(agreement(predicted, reference) >= (name == "iris" ? 0.97 : 0.9))
        #expect(accuracy(split.testY, predicted) >= Reference.number("tree_" + name, "accuracy") - 0.03)
        #expect(tree.depth <= depth)
    }

    @Test func fullTreeFitsTrainingDataAndPrintsRules() throws {
        let iris = Iris.load()
        let tree = try DecisionTree().fit(iris.x, iris.y)
        #expect(try tree.score(iris.x, iris.y) > 0.99)
        let small = try DecisionTree(maxDepth: 2).fit(iris.x, iris.y)
        let rules = small.rules(featureNames: iris.featureNames, classNames: iris.classNames)
        #expect(rules.hasPrefix("if petal"))
        #expect(rules.contains("setosa  (50 samples, 100% pure)"))
        let importances = small.importances
        #expect(abs(importances.reduce(0, +) - 1) < 1e-12)
        #expect(importances[0] == 0 && importances[1] == 0)
    }

    @Test func entropyAndLeafLimits() throws {
        let wine = Wine.load()
        let tree = try DecisionTree(criterion: .entropy, minSamplesLeaf: 10).fit(wine.x, wine.y)
        #expect(tree.tree.samples.enumerated().filter { tree.tree.feature[$0.offset] < 0 }.allSatisfy { $0.element >= 10 })
        #expect(try tree.score(wine.x, wine.y) > 0.9)
    }

    @Test func binsMatchThresholdsExactly() {
        let x = Matrix(column: [3, 1, 2, 2, 5])
        let bins = FeatureBins(x)
        #expect(bins.edges[0] == [1.5, 2.5, 4])
        #expect(bins.codes == [2, 0, 1, 1, 3])
        let many = Matrix(column: (0..<1000).map { Double($0) })
        #expect(FeatureBins(many, maxBins: 16).edges[0].count == 15)
    }

    @Test func regressionTreeFitsAStepFunction() throws {
        let xs = (0..<100).map { Double($0) / 10 }
        let fitted = try DecisionTreeRegressor(maxDepth: 2).fit(Matrix(column: xs), xs.map { $0 < 5 ? 1 : 3 })
        #expect(try fitted.predict(Matrix(column: [1, 8])) == [1, 3])
        #expect(fitted.rules().contains("value 3"))
    }

    @Test func forestIsAccurateSeededAndReportsOutOfBag() throws {
        let wine = Wine.load()
        let (train, test) = trainTestSplit(wine, testFraction: 0.3, stratified: true, seed: 1)
        let forest = try RandomForest(trees: 30, seed: 0).fit(train.x, train.y)
        #expect(try forest.score(test.x, test.y) >= 0.92)
        #expect(forest.outOfBagScore! > 0.85)
        let again = try RandomForest(trees: 30, seed: 0).fit(train.x, train.y)
        #expect(try again.predictProbabilities(test.x) == forest.predictProbabilities(test.x))
        #expect(abs(forest.importances.reduce(0, +) - 1) < 1e-9)
        #expect(forest.featureImportances(featureNames: wine.featureNames).ranked.count == 13)
        // Binary trees: every tree has one node fewer than twice its leaves.
        #expect(forest.nodeCount == 2 * forest.leafCount - forest.treeCount)
        #expect(forest.depth >= 2 && forest.leafCount > forest.treeCount)
        let single = try RandomForest(trees: 1, maxFeatures: .all, bootstrap: false, seed: 0).fit(train.x, train.y)
        let tree = try DecisionTree(seed: 0).fit(train.x, train.y)
        #expect((single.nodeCount, single.leafCount, single.depth) == (tree.nodeCount, tree.leafCount, tree.depth))
    }

    @Test func gradientBoostingLearnsMoonsAndRegression() throws {
        let moons = Synthetic.moons(count: 300, noise: 0.2, seed: 0)
        let (train, test) = trainTestSplit(moons, testFraction: 0.3, seed: 0)
        let boosted = try GradientBoosting(rounds: 60, learningRate: 0.2, maxDepth: 3).fit(train.x, train.y)
        #expect(try boosted.score(test.x, test.y) > 0.9)
        let iris = Iris.load()
        let multi = try GradientBoosting(rounds: 30).fit(iris.x, iris.y)
        #expect(try multi.score(iris.x, iris.y) > 0.97)
        let (data, _) = Synthetic.linearRegression(count: 300, features: 2, noise: 0.1, seed: 1)
        let regressor = try GradientBoostingRegressor(rounds: 100).fit(data.x, data.targets)
        #expect(try regressor.score(data.x, data.targets) > 0.95)
    }
}
