import NumericCore

/// k-nearest-neighbours classification by majority vote (ties go to the smaller label).
/// Candidates are found block by block from single-precision matrix products (`sgemm`, twice
/// the speed of double); the `k + 8` best candidates are then re-ranked by exact double-precision
/// distances, so results match an exact search unless single-precision rounding moves a
/// neighbour by more than eight places.
///
///     let knn = try KNearestNeighbors(k: 5).fit(train.x, train.y)
///     let predicted = try knn.predict(test.x)
public struct KNearestNeighbors: Classifier, Sendable {
    public enum Weighting: Sendable { case uniform, distance }

    public var k: Int
    public var weighting: Weighting

    public init(k: Int = 5, weighting: Weighting = .uniform) { self.k = k; self.weighting = weighting }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try Check.parameter(k >= 1, "k", k, "at least 1")
        guard k <= x.rows else { throw ClassicalMLError.tooFewSamples(requested: k, available: x.rows, what: "k") }
        // Fitting only keeps the data (as scikit-learn's brute-force search); each search makes
        // its own single-precision copy.
        return Fitted(k: k, weighting: weighting, training: x, labels: y, classCount: classCount)
    }

    public struct Fitted: FittedClassifier, Sendable {
        public let k: Int
        let weighting: Weighting
        let training: Matrix
        let labels: [Int]
        public let classCount: Int
        public var featureCount: Int { training.columns }

        /// The `k` nearest training rows of every query row, nearest first, with distances.
        public func neighbors(_ x: Matrix) throws -> [[(index: Int, distance: Double)]] {
            try Check.predictionInput(x, expected: featureCount)
            // Small blocks: each block's products (block × n floats) are ranked while still in cache.
            let block = 64
            let blocks = (x.rows + block - 1) / block
            let single = withSingleThreadedBLAS { SingleTraining(training) }
            let results = withSingleThreadedBLAS { Parallel.map(0..<blocks) { b -> [[(index: Int, distance: Double)]] in
                let rows = Array(b * block ..< min(x.rows, (b + 1) * block))
                let products = singleProducts(x, rows: rows, training: single)
                return rows.indices.map { r in
                    exactlyRanked(candidates(products, row: r, norms: single.norms), query: x, row: rows[r])
                }
            } }
            return results.flatMap { $0 }
        }

        /// Dot products of the query rows with every training row, `rows.count × n`, by `sgemm`.
        private func singleProducts(_ x: Matrix, rows: [Int], training single: SingleTraining) -> [Float] {
            let d = featureCount, n = training.rows
            var query = [Float](repeating: 0, count: rows.count * d)
            for (r, row) in rows.enumerated() { for c in 0..<d { query[r * d + c] = Float(x[row, c]) } }
            var products = [Float](repeating: 0, count: rows.count * n)
            query.withUnsafeBufferPointer { a in
                single.values.withUnsafeBufferPointer { t in
                    products.withUnsafeMutableBufferPointer { c in
                        BLAS.gemm(transB: .transposed, m: rows.count, n: n, k: d, a: a.baseAddress!, lda: d,
                                  b: t.baseAddress!, ldb: d, c: c.baseAddress!, ldc: n)
                    }
                }
            }
            return products
        }

        /// The `k + 8` training rows with the smallest approximate distance (`‖t‖² − 2 q·t`; the
        /// query's own norm does not change the order).
        private func candidates(_ products: [Float], row r: Int, norms: [Float]) -> [Int] {
            let n = training.rows
            return products.withUnsafeBufferPointer { p in
                norms.withUnsafeBufferPointer { norms in
                    smallestScores(count: min(n, k + 8), of: n) { norms[$0] - 2 * p[r * n + $0] }
                }
            }
        }

        /// The `k` nearest of the candidates by exact distance (ties to the lower training index).
        private func exactlyRanked(_ candidates: [Int], query x: Matrix, row: Int) -> [(index: Int, distance: Double)] {
            let d = featureCount
            let ranked = x.values.withUnsafeBufferPointer { queries in
                training.values.withUnsafeBufferPointer { rows in
                    candidates.map { c -> (index: Int, distance: Double) in
                        let q = queries.baseAddress! + row * d, t = rows.baseAddress! + c * d
                        var sum = 0.0
                        for f in 0..<d { let diff = q[f] - t[f]; sum += diff * diff }
                        return (c, sum.squareRoot())
                    }
                }
            }.sorted { $0.distance < $1.distance || ($0.distance == $1.distance && $0.index < $1.index) }
            return Array(ranked.prefix(k))
        }

        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            let found = try neighbors(x)
            var out = Matrix(rows: x.rows, columns: classCount)
            for (r, list) in found.enumerated() {
                let exact = list.filter { $0.distance == 0 }
                let voters = weighting == .distance && !exact.isEmpty ? exact : list
                var total = 0.0
                for neighbor in voters {
                    let w = weighting == .distance && exact.isEmpty ? 1 / neighbor.distance : 1
                    out[r, labels[neighbor.index]] += w
                    total += w
                }
                for c in 0..<classCount { out[r, c] /= total }
            }
            return out
        }

        public func predict(_ x: Matrix) throws -> [Int] {
            try predictProbabilities(x).rowArgmax()
        }
    }
}

/// Training rows in single precision with their squared norms, for the candidate search.
struct SingleTraining {
    let values: [Float]
    let norms: [Float]

    init(_ x: Matrix) {
        let single = x.values.map(Float.init)
        values = single
        norms = single.withUnsafeBufferPointer { s in
            (0..<x.rows).map { r in BLAS.dot(count: x.columns, x: s.baseAddress! + r * x.columns, y: s.baseAddress! + r * x.columns) }
        }
    }
}
