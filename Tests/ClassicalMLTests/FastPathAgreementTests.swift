import Testing
@testable import ClassicalML
import NumericCore

/// The faster solvers agree with the plain computations they replace.
@Suite struct FastPathAgreementTests {
    @Test func topEigenpairsMatchTheFullDecompositionUpToSign() throws {
        let x = Digits.load().x
        let means = x.columnMeans
        let centred = x.mappingColumns { c, v in v - means[c] }
        let top = try CovarianceEigen.top(x, means: means, count: 6)
        var covariance = centred.multiplied(by: centred, transposeSelf: true)
        for i in covariance.values.indices { covariance.values[i] /= Double(x.rows - 1) }
        let (values, vectors) = try LAPACK.symmetricEigen(covariance.values, n: x.columns)
        let d = x.columns
        for rank in 0..<6 {
            let full = Array(vectors[(d - 1 - rank) * d ..< (d - rank) * d])
            let mine = top.vectors.row(rank)
            let sign = zip(full, mine).map { $0 * $1 }.reduce(0, +) < 0 ? -1.0 : 1.0
            #expect(largestDifference(full.map { $0 * sign }, mine) < 1e-8)
            #expect(abs(top.values[rank] - values[d - 1 - rank]) < 1e-9 * values[d - 1])
        }
        #expect(abs(top.totalVariance - values.map { max(0, $0) }.reduce(0, +)) < 1e-9 * top.totalVariance)
    }

    @Test func singlePrecisionCovarianceAgreesWithDouble() throws {
        let x = Digits.load().x
        let means = x.columnMeans
        let double = try CovarianceEigen.top(x, means: means, count: 5, singlePrecision: false)
        let single = try CovarianceEigen.top(x, means: means, count: 5, singlePrecision: true)
        for rank in 0..<5 {
            let a = double.vectors.row(rank), b = single.vectors.row(rank)
            let sign = zip(a, b).map { $0 * $1 }.reduce(0, +) < 0 ? -1.0 : 1.0
            #expect(largestDifference(a, b.map { $0 * sign }) < 1e-4)
            #expect(abs(double.values[rank] - single.values[rank]) < 1e-5 * double.values[0])
        }
        #expect(abs(double.totalVariance - single.totalVariance) < 1e-5 * double.totalVariance)
    }

    @Test func smallestScoresKeepsTheLowestIndexAmongTies() {
        let scores: [Float] = [3, 1, 2, 1, 0, 2, 1]
        #expect(smallestScores(count: 3, of: scores.count) { scores[$0] } == [4, 1, 3])
        #expect(smallestScores(count: 10, of: 3) { scores[$0] } == [1, 2, 0])
        #expect(smallestScores(count: 0, of: 3) { scores[$0] }.isEmpty)
    }

    @Test func nearestNeighborsMatchAnExactSearch() throws {
        let digits = Digits.load()
        let (train, test) = (digits.x.rows(Array(0..<1200)), digits.x.rows(Array(1200..<digits.x.rows)))
        let knn = try KNearestNeighbors(k: 5).fit(train, Array(digits.y[0..<1200]))
        let found = try knn.neighbors(test)
        for r in stride(from: 0, to: test.rows, by: 7) {
            let query = test.row(r)
            let distances: [Double] = (0..<train.rows).map { exactDistance(query, train.row($0)) }
            let order: [Int] = (0..<train.rows).sorted { a, b in
                distances[a] < distances[b] || (distances[a] == distances[b] && a < b)
            }
            let foundIndices: [Int] = found[r].map { $0.index }
            #expect(foundIndices == Array(order.prefix(5)))
        }
    }
}

/// Kernel rows in single precision stay within 1e-6 of the double ones.
@Suite struct KernelRowPrecisionTests {
    @Test func singlePrecisionRowsMatchDoubleRows() {
        var rng = SeededGenerator(seed: 5)
        let rows = 1400, columns = 784                        // 1.1 M values: the single-precision route
        let x = Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in rng.nextDouble() })
        let kernel = Kernel.rbf().resolved(for: x)
        let cache = KernelRowCache(x: x, kernel: kernel, budgetBytes: 1 << 20)
        let norms = x.rowSquaredNorms
        for i in [0, 17, 1399] {
            let row = cache.row(i)
            for t in stride(from: 0, to: rows, by: 97) {
                let dot = zip(x.row(i), x.row(t)).map { $0 * $1 }.reduce(0, +)
                #expect(abs(row[t] - kernel.value(dot: dot, normA: norms[i], normB: norms[t])) < 1e-6)
            }
        }
    }
}
