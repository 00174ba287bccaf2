import Testing
@testable import ClassicalML

@Suite struct OtherModelTests {
    @Test func nearestNeighboursFindThemselves() throws {
        let iris = Iris.load()
        let knn = try KNearestNeighbors(k: 1).fit(iris.x, iris.y)
        let found = try knn.neighbors(iris.x.rows([0, 75]))
        #expect(found[0][0].distance == 0 && found[1][0].distance == 0)
        let (train, test) = trainTestSplit(iris, testFraction: 0.3, stratified: true, seed: 0)
        #expect(try KNearestNeighbors(k: 5).fit(train.x, train.y).score(test.x, test.y) > 0.9)
        #expect(try KNearestNeighbors(k: 5, weighting: .distance).fit(train.x, train.y).score(test.x, test.y) > 0.9)
    }

    @Test func neighboursMatchAnExactSearch() throws {
        let digits = Digits.load()
        let queries = digits.x.rows(Array(0..<40)), training = digits.x.rows(Array(40..<digits.count))
        let found = try KNearestNeighbors(k: 7).fit(training, Array(digits.y[40...])).neighbors(queries)
        for q in 0..<queries.rows {
            let query = queries.row(q)
            let distances: [Double] = (0..<training.rows).map { (t: Int) -> Double in
                exactDistance(query, training.row(t))
            }
            let order: [Int] = distances.indices.sorted { (a: Int, b: Int) -> Bool in
                distances[a] < distances[b] || (distances[a] == distances[b] && a < b)
            }
            let nearest = Array(order.prefix(7))
            #expect(found[q].map { $0.index } == nearest)
            #expect(largestDifference(found[q].map { $0.distance }, nearest.map { distances[$0] }) < 1e-12)
        }
    }

    @Test func gaussianNaiveBayesMatchesScikitLearn() throws {
        let wine = Wine.load()
        let split = fixedSplit(wine.x, wine.y)
        let fitted = try GaussianNaiveBayes().fit(split.trainX, split.trainY)
        #expect(try fitted.predict(split.testX) == Reference.integers("gaussian_nb_wine", "predictions"))
        let means = Reference.table("gaussian_nb_wine", "means")
        for c in 0..<3 { #expect(largestDifference(fitted.means.row(c), means[c]) < 1e-9) }
    }

    @Test func multinomialNaiveBayesOnDigits() throws {
        let digits = Digits.load()
        let (train, test) = trainTestSplit(digits, testFraction: 0.25, stratified: true, seed: 0)
        #expect(try MultinomialNaiveBayes().fit(train.x, train.y).score(test.x, test.y) > 0.85)
    }

    @Test func kMeansReachesScikitLearnInertia() throws {
        let iris = Iris.load()
        let clusters = try KMeans(clusters: 3, seed: 0).fit(iris.x)
        #expect(abs(clusters.inertia - Reference.number("kmeans_iris", "inertia")) < 1e-6)
        #expect(Set(clusters.labels).count == 3)
        #expect(try clusters.predict(iris.x) == clusters.labels)
        let blobs = Synthetic.blobs(count: 150, centers: 3, standardDeviation: 0.5, seed: 2)
        let found = try KMeans(clusters: 3, seed: 1).fit(blobs.x)
        #expect(agreementUpToRelabeling(found.labels, blobs.labels) > 0.95)
        let once = try KMeans(clusters: 3, initializations: 1, seed: 1).fit(blobs.x)
        #expect(once.inertia >= found.inertia)
    }

    @Test(arguments: ["pca_iris", "pca_wine"])
    func pcaMatchesScikitLearnUpToSign(name: String) throws {
        let x = name == "pca_iris" ? Iris.load().x : standardised(Wine.load().x)
        let reference = Reference.table(name, "components")
        let pca = try PCA(components: reference.count).fit(x)
        for (k, expected) in reference.enumerated() {
            let mine = pca.components.row(k)
            let sign = dot(mine, expected) < 0 ? -1.0 : 1.0
            #expect(largestDifference(mine.map { $0 * sign }, expected) < 1e-8)
        }
        #expect(largestDifference(pca.explainedVarianceRatio, Reference.numbers(name, "ratio")) < 1e-10)
    }

    @Test func pcaWithAllComponentsReconstructs() throws {
        let wine = Wine.load()
        let pca = try PCA().fit(wine.x)
        let back = pca.inverseTransform(try pca.transform(wine.x))
        #expect(largestDifference(back.values, wine.x.values) < 1e-8)
        #expect(abs(pca.explainedVarianceRatio.reduce(0, +) - 1) < 1e-12)
    }

    @Test func rbfSupportVectorMachineMatchesScikitLearn() throws {
        let wine = Wine.load()
        let split = fixedSplit(standardised(wine.x), wine.y)
        let svm = try SVM(kernel: .rbf(gamma: 0.1), c: 1, tolerance: 1e-6).fit(split.trainX, split.trainY)
        #expect(try svm.predict(split.testX) == Reference.integers("svc_wine", "predictions"))
        #expect(svm.supportVectorCount == Int(Reference.number("svc_wine", "support_count")))
    }

    @Test func linearAndPolynomialKernels() throws {
        let moons = Synthetic.moons(count: 200, noise: 0.1, seed: 0)
        let (train, test) = trainTestSplit(moons, testFraction: 0.3, seed: 0)
        let linear = try SVM(kernel: .linear, c: 1).fit(train.x, train.y).score(test.x, test.y)
        let rbf = try SVM(kernel: .rbf(gamma: 2), c: 10).fit(train.x, train.y).score(test.x, test.y)
        let cubic = try SVM(kernel: .polynomial(degree: 3, gamma: 1, coef0: 1), c: 1).fit(train.x, train.y).score(test.x, test.y)
        #expect(linear > 0.8 && linear < 0.95)
        #expect(rbf > 0.97 && cubic > 0.9)
        let circles = Synthetic.circles(count: 200, noise: 0.05, seed: 1)
        let fitted = try SVM(kernel: .rbf(), c: 1).fit(circles.x, circles.y)
        #expect(try fitted.decisionFunction(circles.x).columns == 1)
        #expect(try fitted.score(circles.x, circles.y) > 0.97)
    }
}

/// Accuracy of cluster labels after the best one-to-one renaming of clusters (small k only).
func agreementUpToRelabeling(_ found: [Int], _ truth: [Int]) -> Double {
    let k = (truth.max() ?? 0) + 1
    func permutations(_ items: [Int]) -> [[Int]] {
        items.count <= 1 ? [items] : items.indices.flatMap { i in
            permutations(Array(items[..<i] + items[(i + 1)...])).map { [items[i]] + $0 }
        }
    }
    return permutations(Array(0..<k)).map { mapping in accuracy(truth, found.map { mapping[$0] }) }.max() ?? 0
}

@Suite struct RandomizedPCATests {
    @Test func randomizedAgreesWithExactOnDigits() throws {
        let x = Digits.load().x
        let exact = try PCA(components: 5, solver: .exact).fit(x)
        let randomized = try PCA(components: 5, solver: .randomized, seed: 3).fit(x)
        for k in 0..<5 {
            #expect(largestDifference(exact.components.row(k), randomized.components.row(k)) < 1e-6)
        }
        #expect(largestDifference(exact.explainedVarianceRatio, randomized.explainedVarianceRatio) < 1e-9)
        #expect(PCA(components: 50).usesRandomized(rows: 10_000, columns: 3072, keep: 50))
        #expect(!PCA(components: 50).usesRandomized(rows: 10_000, columns: 784, keep: 50))
        #expect(!PCA(components: 3).usesRandomized(rows: 150, columns: 4, keep: 3))
    }
}

/// The Euclidean distance, summed directly.
func exactDistance(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += (a[i] - b[i]) * (a[i] - b[i]) }
    return sum.squareRoot()
}
