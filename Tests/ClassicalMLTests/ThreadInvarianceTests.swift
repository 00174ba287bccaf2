import Foundation
import Testing
@testable import ClassicalML
import NumericCore

/// The engine gives the same bits for every thread count: each workload, run with 1, 2, 3 and
/// 8 workers (and OpenBLAS set to as many threads), learns bit-identical parameters and
/// predictions. The data is small but large enough for the split paths: a node of
/// 2,000 samples × 40 features scans its features in parallel, the forest's prediction, the
/// covariance and the products cross their thresholds, and the linear model's 200 × 200
/// Cholesky and the PCA's eigen-decomposition are sizes at which OpenBLAS's own threads round
/// differently.
@Suite(.serialized) struct ThreadInvarianceTests {
    static let workerCounts = [1, 2, 3, 8]

    /// Named bit patterns of what one run produced.
    typealias Record = [(name: String, bits: [UInt64])]

    /// Runs `workload` under every worker count and expects each record to equal the first.
    static func expectSameBits(_ workload: () throws -> Record, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let runs = try workerCounts.map { n in try Parallel.withWorkers(n) { try BLAS.withThreads(n) { try workload() } } }
        for (n, run) in zip(workerCounts, runs).dropFirst() {
            for (reference, other) in zip(runs[0], run) {
                let differing = zip(reference.bits, other.bits).filter { $0 != $1 }.count
                #expect(differing == 0 && reference.bits.count == other.bits.count,
                        "\(reference.name): \(differing) of \(reference.bits.count) values differ between 1 and \(n) workers",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
    static func bits(_ values: [Int]) -> [UInt64] { values.map { UInt64(bitPattern: Int64($0)) } }

    /// `rows` points around `classes` seeded centres in `features` dimensions, with their labels.
    static func clusters(rows: Int, features: Int, classes: Int, seed: UInt64) -> (x: Matrix, y: [Int]) {
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<classes * features).map { _ in 4 * generator.nextDouble() - 2 }
        let y = (0..<rows).map { $0 % classes }
        var values = [Double](repeating: 0, count: rows * features)
        for r in 0..<rows {
            for f in 0..<features { values[r * features + f] = centres[y[r] * features + f] + 2 * generator.nextDouble() - 1 }
        }
        return (Matrix(rows: rows, columns: features, values: values), y)
    }

    static let data = clusters(rows: 2_000, features: 40, classes: 4, seed: 11)

    @Test func forestFitAndProbabilities() throws {
        try Self.expectSameBits {
            let forest = try RandomForest(trees: 12, maxDepth: 8, seed: 3).fit(Self.data.x, Self.data.y)
            return [("probabilities", Self.bits(try forest.predictProbabilities(Self.data.x).values)),
                    ("importances", Self.bits(forest.importances)),
                    ("out-of-bag score", Self.bits([forest.outOfBagScore ?? 0]))]
        }
    }

    @Test func treeAndBoostingWithParallelFeatureScans() throws {
        let binary = Self.data.y.map { $0 % 2 }
        try Self.expectSameBits {
            let tree = try DecisionTree(maxDepth: 5).fit(Self.data.x, Self.data.y)
            let boosted = try GradientBoosting(rounds: 2, maxDepth: 3).fit(Self.data.x, binary)
            return [("tree", Self.bits(try tree.predictProbabilities(Self.data.x).values)),
                    ("boosting", Self.bits(try boosted.decisionFunction(Self.data.x).values))]
        }
    }

    /// 4,000 × 40 points against 16 centroids: the distance products are sliced.
    @Test func kMeans() throws {
        let points = Self.clusters(rows: 4_000, features: 40, classes: 16, seed: 14).x
        try Self.expectSameBits {
            let fitted = try KMeans(clusters: 16, initializations: 1, maxIterations: 15, seed: 5).fit(points)
            return [("centroids", Self.bits(fitted.centroids.values)), ("labels", Self.bits(fitted.labels)),
                    ("inertia", Self.bits([fitted.inertia]))]
        }
    }

    /// 2,000 × 64 values: the covariance is summed over row chunks, then decomposed.
    @Test func pca() throws {
        let points = Self.clusters(rows: 2_000, features: 64, classes: 5, seed: 15).x
        try Self.expectSameBits {
            let fitted = try PCA(components: 5).fit(points)
            return [("components", Self.bits(fitted.components.values)),
                    ("variances", Self.bits(fitted.explainedVariance)),
                    ("projection", Self.bits(try fitted.transform(points).values))]
        }
    }

    @Test func linearRegressionSolve() throws {
        let wide = Self.clusters(rows: 1_000, features: 200, classes: 3, seed: 12)
        let targets = wide.x.values.enumerated().filter { $0.offset % 200 == 7 }.map { $0.element + 0.5 }
        try Self.expectSameBits {
            let model = try LinearRegression().fit(wide.x, targets)
            return [("coefficients", Self.bits(model.coefficients)), ("intercept", Self.bits([model.intercept]))]
        }
    }

    /// The SVM's kernel-row cache is shared out per worker: with 1 MB, a pair's 400 rows fit for
    /// one worker but not for three, which changes what is cached, never a value.
    @Test func nearestNeighboursAndSVM() throws {
        let small = Self.clusters(rows: 600, features: 20, classes: 3, seed: 13)
        try Self.expectSameBits {
            let knn = try KNearestNeighbors(k: 5).fit(Self.data.x, Self.data.y)
            let svm = try SVM(c: 1, cacheMegabytes: 1).fit(small.x, small.y)
            return [("knn", Self.bits(try knn.predictProbabilities(Self.data.x).values)),
                    ("svm", Self.bits(try svm.decisionFunction(small.x).values))]
        }
    }
}
