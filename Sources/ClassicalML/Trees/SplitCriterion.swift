import Foundation

/// What a tree grows on: per-bin statistics (`width` numbers per bin, the last always the
/// unweighted sample count), a cost whose decrease scores a split, and a leaf value.
protocol SplitCriterion {
    var width: Int { get }
    /// Adds sample `i`'s statistics into `stats`.
    func add(_ i: Int, to stats: UnsafeMutablePointer<Double>)
    /// The node cost; a split's gain is `cost(parent) − cost(left) − cost(right)`.
    func cost(_ stats: UnsafePointer<Double>) -> Double
    /// The output stored at a leaf.
    func leafValue(_ stats: UnsafePointer<Double>) -> [Double]
    /// Whether no split can help (all samples of one class).
    func isPure(_ stats: UnsafePointer<Double>) -> Bool
}

/// Classification: weighted class counts, with Gini or entropy impurity (times node weight).
struct ClassCountCriterion: SplitCriterion {
    let labels: [Int]
    let weights: [Double]?
    let classCount: Int
    let entropy: Bool

    var width: Int { classCount + 1 }

    @inline(__always)
    func add(_ i: Int, to stats: UnsafeMutablePointer<Double>) {
        stats[labels[i]] += weights?[i] ?? 1
        stats[classCount] += 1
    }

    @inline(__always)
    func cost(_ stats: UnsafePointer<Double>) -> Double {
        var total = 0.0
        for k in 0..<classCount { total += stats[k] }
        guard total > 0 else { return 0 }
        if entropy {
            var sum = 0.0
            for k in 0..<classCount where stats[k] > 0 { sum -= stats[k] * log2(stats[k] / total) }
            return sum
        }
        var squares = 0.0
        for k in 0..<classCount { squares += stats[k] * stats[k] }
        return total - squares / total
    }

    func leafValue(_ stats: UnsafePointer<Double>) -> [Double] {
        var total = 0.0
        for k in 0..<classCount { total += stats[k] }
        return (0..<classCount).map { total > 0 ? stats[$0] / total : 0 }
    }

    func isPure(_ stats: UnsafePointer<Double>) -> Bool {
        var nonEmpty = 0
        for k in 0..<classCount where stats[k] > 0 { nonEmpty += 1 }
        return nonEmpty <= 1
    }
}

/// Regression on gradients and hessians: cost `−G²/(H + λ)`, leaf `−G/(H + λ)`. With
/// `g = −y·w, h = w` this is the squared-error tree (leaf = weighted mean of `y`).
struct GradientCriterion: SplitCriterion {
    let gradients: [Double]
    let hessians: [Double]
    let lambda: Double

    var width: Int { 3 }

    @inline(__always)
    func add(_ i: Int, to stats: UnsafeMutablePointer<Double>) {
        stats[0] += gradients[i]; stats[1] += hessians[i]; stats[2] += 1
    }

    @inline(__always)
    func cost(_ stats: UnsafePointer<Double>) -> Double {
        stats[1] + lambda > 1e-12 ? -stats[0] * stats[0] / (stats[1] + lambda) : 0
    }

    func leafValue(_ stats: UnsafePointer<Double>) -> [Double] {
        [stats[1] + lambda > 1e-12 ? -stats[0] / (stats[1] + lambda) : 0]
    }

    func isPure(_ stats: UnsafePointer<Double>) -> Bool { false }
}
