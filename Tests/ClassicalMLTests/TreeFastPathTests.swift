import Testing
@testable import ClassicalML
import NumericCore

/// The trees' fast paths grow exactly the trees of the plain ones.
@Suite struct TreeFastPathTests {
    /// Grows one tree with and without the integer Gini scan.
    func bothWays(_ x: Matrix, _ y: [Int], weights: [Double]?, maxFeatures: Int?, seed: UInt64) -> (TreeStructure, TreeStructure) {
        let bins = FeatureBins(x)
        let classes = (y.max() ?? 0) + 1
        let criterion = ClassCountCriterion(labels: y, weights: weights, classCount: classes, entropy: false)
        let limits = TreeLimits(maxFeatures: maxFeatures)
        let samples = (0..<x.rows).filter { i in weights.map { $0[i] > 0 } ?? true }
        var fast = TreeBuilder(bins: bins, criterion: criterion, limits: limits)
        var plain = fast
        plain.integerCounts = false
        fast.parallelFeatures = false; plain.parallelFeatures = false
        return (fast.grow(samples: samples, seed: seed, valueWidth: classes).tree,
                plain.grow(samples: samples, seed: seed, valueWidth: classes).tree)
    }

    func expectSame(_ a: TreeStructure, _ b: TreeStructure) {
        #expect(a.feature == b.feature)
        #expect(a.threshold == b.threshold)
        #expect(a.left == b.left && a.right == b.right)
        #expect(a.values == b.values)
        #expect(a.samples == b.samples)
    }

    @Test func integerGiniGrowsTheSameTree() {
        let digits = Digits.load()
        let (fast, plain) = bothWays(digits.x, digits.y, weights: nil, maxFeatures: nil, seed: 0)
        #expect(fast.nodeCount > 100)
        expectSame(fast, plain)
    }

    @Test func integerGiniGrowsTheSameBootstrapTree() {
        let digits = Digits.load()
        var rng = SeededGenerator(seed: 7)
        var counts = [Double](repeating: 0, count: digits.x.rows)
        for _ in 0..<digits.x.rows { counts[rng.nextInt(below: digits.x.rows)] += 1 }
        let (fast, plain) = bothWays(digits.x, digits.y, weights: counts, maxFeatures: 8, seed: 3)
        expectSame(fast, plain)
    }

    @Test func fractionalWeightsAndEntropyKeepThePlainScan() {
        let labels = [0, 1, 1, 0]
        #expect(GiniCountScan(ClassCountCriterion(labels: labels, weights: [1, 0.5, 1, 1], classCount: 2, entropy: false)) == nil)
        #expect(GiniCountScan(ClassCountCriterion(labels: labels, weights: nil, classCount: 2, entropy: true)) == nil)
        #expect(GiniCountScan(ClassCountCriterion(labels: labels, weights: [1, 2, 0, 3], classCount: 2, entropy: false)) != nil)
    }

    @Test func distinctValuesAreFoundWithoutSorting() {
        let column: [Double] = [0.5, 0, 0.5, 1, -0.0, 1, 0.25]
        #expect(column.withUnsafeBufferPointer { distinctValues(of: $0, limit: 4) } == [0, 0.25, 0.5, 1])
        #expect(column.withUnsafeBufferPointer { distinctValues(of: $0, limit: 3) } == nil)
        // Few distinct values: the edges are the midpoints, as with a full sort.
        let pixels = (0..<5000).map { Double(($0 * 37) % 256) / 255 }
        let edges = FeatureBins.edges(for: pixels, maxBins: 256)
        let distinct = Array(Set(pixels)).sorted()
        #expect(edges == zip(distinct.dropLast(), distinct.dropFirst()).map { ($0 + $1) / 2 })
        // And the hashed codes are the bins a search over the edges gives.
        let codes = DistinctValueCodes(distinct)
        #expect(pixels.allSatisfy { Int(codes.code(of: $0)) == FeatureBins.bin(of: $0, edges: edges) })
        #expect(FeatureBins(Matrix(column: pixels)).codes.map(Int.init) == pixels.map { FeatureBins.bin(of: $0, edges: edges) })
    }
}

@Suite struct TreeQueueTests {
    @Test func mapsEveryIndexInOrder() {
        #expect(TreeQueue.map(0) { $0 }.isEmpty)
        #expect(TreeQueue.map(100) { $0 * $0 } == (0..<100).map { $0 * $0 })
    }
}
