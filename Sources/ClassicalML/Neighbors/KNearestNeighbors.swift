import NumericCore

/// k-nearest-neighbours classification by majority vote (ties go to the smaller label),
/// with Euclidean distances computed block by block through matrix products.
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
        return Fitted(k: k, weighting: weighting, training: x, labels: y, norms: x.rowSquaredNorms, classCount: classCount)
    }

    public struct Fitted: FittedClassifier, Sendable {
        public let k: Int
        let weighting: Weighting
        let training: Matrix
        let labels: [Int]
        let norms: [Double]
        public let classCount: Int
        public var featureCount: Int { training.columns }

        /// The `k` nearest training rows of every query row, nearest first, with distances.
        public func neighbors(_ x: Matrix) throws -> [[(index: Int, distance: Double)]] {
            try Check.predictionInput(x, expected: featureCount)
            let block = 512
            let blocks = (x.rows + block - 1) / block
            let results = withSingleThreadedBLAS { Parallel.map(0..<blocks) { b -> [[(index: Int, distance: Double)]] in
                let rows = Array(b * block ..< min(x.rows, (b + 1) * block))
                let distances = x.rows(rows).squaredDistances(to: training, otherNorms: norms)
                return (0..<rows.count).map { r in nearest(distances, row: r) }
            } }
            return results.flatMap { $0 }
        }

        private func nearest(_ distances: Matrix, row r: Int) -> [(index: Int, distance: Double)] {
            // Keep the k smallest in a small sorted buffer (insertion; k is small).
            var best: [(index: Int, distance: Double)] = []
            best.reserveCapacity(k + 1)
            for c in 0..<distances.columns {
                let d = distances[r, c]
                if best.count == k && d >= best[k - 1].distance { continue }
                var position = best.count
                while position > 0 && best[position - 1].distance > d { position -= 1 }
                best.insert((c, d), at: position)
                if best.count > k { best.removeLast() }
            }
            return best.map { ($0.index, $0.distance.squareRoot()) }
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
