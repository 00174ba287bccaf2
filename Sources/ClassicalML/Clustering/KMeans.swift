import Foundation
import NumericCore

/// k-means clustering (Lloyd's algorithm) with k-means++ seeding; the best of `initializations`
/// seeded runs (lowest inertia) is kept.
///
///     let clusters = try KMeans(clusters: 3, seed: 0).fit(data.x)
///     clusters.inertia          // sum of squared distances to the nearest centroid
///     try clusters.predict(newPoints)
public struct KMeans: Sendable {
    public var clusters: Int
    public var initializations: Int
    public var maxIterations: Int
    public var tolerance: Double
    public var seed: UInt64

    public init(clusters: Int = 8, initializations: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4,
                seed: UInt64 = 0) {
        self.clusters = clusters; self.initializations = initializations; self.maxIterations = maxIterations
        self.tolerance = tolerance; self.seed = seed
    }

    public func fit(_ x: Matrix) throws -> Fitted {
        try Check.features(x)
        try Check.parameter(clusters >= 1, "clusters", clusters, "at least 1")
        try Check.parameter(initializations >= 1, "initializations", initializations, "at least 1")
        guard clusters <= x.rows else { throw ClassicalMLError.tooFewSamples(requested: clusters, available: x.rows, what: "clusters") }
        // Tolerance relative to the data's mean variance, as scikit-learn does.
        let scaledTolerance = tolerance * (x.columnVariances.reduce(0, +) / Double(x.columns))
        let norms = x.rowSquaredNorms
        var best: Fitted? = nil
        for run in 0..<initializations {
            var rng = SeededGenerator(seed: seed &+ UInt64(run) &* 0x2545_F491)
            var centroids = plusPlusSeeds(x, norms: norms, rng: &rng)
            var assignment = [Int](repeating: 0, count: x.rows)
            var inertia = 0.0
            var iterations = 0
            for iteration in 1...maxIterations {
                iterations = iteration
                (assignment, inertia) = assign(x, norms: norms, centroids: centroids)
                let moved = updatedCentroids(x, assignment, old: centroids)
                var shift = 0.0
                for i in moved.values.indices { let d = moved.values[i] - centroids.values[i]; shift += d * d }
                centroids = moved
                if shift <= scaledTolerance { break }
            }
            (assignment, inertia) = assign(x, norms: norms, centroids: centroids)
            if best == nil || inertia < best!.inertia {
                best = Fitted(centroids: centroids, labels: assignment, inertia: inertia, iterations: iterations)
            }
        }
        return best!
    }

    private func plusPlusSeeds(_ x: Matrix, norms: [Double], rng: inout SeededGenerator) -> Matrix {
        var chosen = [rng.nextInt(below: x.rows)]
        var closest = x.squaredDistances(to: x.rows(chosen), otherNorms: [norms[chosen[0]]], ownNorms: norms).values
        let trials = 2 + Int(log(Double(clusters)))
        while chosen.count < clusters {
            let total = closest.reduce(0, +)
            var bestCandidate = -1, bestPotential = Double.infinity, bestDistances: [Double] = []
            for _ in 0..<trials {
                var target = rng.nextDouble() * total
                var candidate = x.rows - 1
                for (i, d) in closest.enumerated() { target -= d; if target < 0 { candidate = i; break } }
                let distances = x.squaredDistances(to: x.rows([candidate]), otherNorms: [norms[candidate]], ownNorms: norms).values
                let updated = zip(closest, distances).map { min($0, $1) }
                let potential = updated.reduce(0, +)
                if potential < bestPotential { bestPotential = potential; bestCandidate = candidate; bestDistances = updated }
            }
            chosen.append(bestCandidate)
            closest = bestDistances
        }
        return x.rows(chosen)
    }

    private func updatedCentroids(_ x: Matrix, _ assignment: [Int], old: Matrix) -> Matrix {
        var sums = Matrix(rows: clusters, columns: x.columns)
        var counts = [Double](repeating: 0, count: clusters)
        for r in 0..<x.rows {
            counts[assignment[r]] += 1
            for f in 0..<x.columns { sums[assignment[r], f] += x[r, f] }
        }
        for c in 0..<clusters {
            for f in 0..<x.columns { sums[c, f] = counts[c] > 0 ? sums[c, f] / counts[c] : old[c, f] }
        }
        return sums
    }

    public struct Fitted: Sendable {
        /// One centroid per row.
        public let centroids: Matrix
        /// The cluster of every training row.
        public let labels: [Int]
        /// Sum of squared distances of the training rows to their centroids.
        public let inertia: Double
        public let iterations: Int
        public var featureCount: Int { centroids.columns }

        /// The nearest centroid of every row.
        public func predict(_ x: Matrix) throws -> [Int] {
            try Check.predictionInput(x, expected: featureCount)
            return assign(x, norms: x.rowSquaredNorms, centroids: centroids).labels
        }
    }
}

/// The nearest centroid of every row, and the total squared distance.
func assign(_ x: Matrix, norms: [Double], centroids: Matrix) -> (labels: [Int], inertia: Double) {
    let distances = x.squaredDistances(to: centroids, ownNorms: norms)
    var labels = [Int](repeating: 0, count: x.rows)
    var inertia = 0.0
    for r in 0..<x.rows {
        var best = 0
        for c in 1..<max(1, centroids.rows) where distances[r, c] < distances[r, best] { best = c }
        labels[r] = best
        inertia += distances[r, best]
    }
    return (labels, inertia)
}
