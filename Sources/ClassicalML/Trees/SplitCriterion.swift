import Foundation

/// What a tree grows on: per-bin statistics (`width` numbers per bin, the last always the
/// unweighted sample count), a cost whose decrease scores a split, and a leaf value.
protocol SplitCriterion {
    associatedtype Sweep: SplitSweep
    var width: Int { get }
    /// A sweep that starts with every sample of a node (summarised by `stats`) on the right.
    func makeSweep(_ stats: UnsafePointer<Double>) -> Sweep
    /// Adds sample `i`'s statistics into `stats`.
    func add(_ i: Int, to stats: UnsafeMutablePointer<Double>)
    /// The node cost; a split's gain is `cost(parent) − cost(left) − cost(right)`.
    func cost(_ stats: UnsafePointer<Double>) -> Double
    /// The output stored at a leaf.
    func leafValue(_ stats: UnsafePointer<Double>) -> [Double]
    /// Whether no split can help (all samples of one class).
    func isPure(_ stats: UnsafePointer<Double>) -> Bool
}

/// Moves a node's samples one at a time from the right side of a split to the left, keeping
/// the cost of both sides current in constant time per sample.
protocol SplitSweep {
    /// Starts over with every sample of a node (summarised by `stats`) on the right.
    mutating func reset(_ stats: UnsafePointer<Double>)
    /// Moves sample `i` to the left side.
    mutating func moveLeft(_ i: Int)
    /// Moves a whole bin, summarised by its statistics, to the left side.
    mutating func moveLeft(bin stats: UnsafePointer<Double>)
    /// `cost(left) + cost(right)`.
    var cost: Double { get }
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
            for k in 0..<classCount where stats[k] > 0 { sum -= stats[k] * log(stats[k] / total) }
            return sum
        }
        var squares = 0.0
        for k in 0..<classCount { squares += stats[k] * stats[k] }
        return total - squares / total
    }

    func makeSweep(_ stats: UnsafePointer<Double>) -> ClassSweep {
        ClassSweep(criterion: self, right: Array(UnsafeBufferPointer(start: stats, count: classCount)))
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

    func makeSweep(_ stats: UnsafePointer<Double>) -> GradientSweep {
        GradientSweep(criterion: self, rightG: stats[0], rightH: stats[1])
    }

    func leafValue(_ stats: UnsafePointer<Double>) -> [Double] {
        [stats[1] + lambda > 1e-12 ? -stats[0] / (stats[1] + lambda) : 0]
    }

    func isPure(_ stats: UnsafePointer<Double>) -> Bool { false }
}

/// The sweep of `ClassCountCriterion`: Gini keeps `Σ count²` per side, entropy `Σ count·log count`.
struct ClassSweep: SplitSweep {
    let criterion: ClassCountCriterion
    /// Per-class weights of both sides, in a buffer owned by `storage`.
    private let storage: ClassSweepStorage
    private let left: UnsafeMutablePointer<Double>
    private let right: UnsafeMutablePointer<Double>
    var leftWeight = 0.0, rightWeight = 0.0
    var leftSum = 0.0, rightSum = 0.0

    init(criterion: ClassCountCriterion, right stats: [Double]) {
        self.criterion = criterion
        storage = ClassSweepStorage(classes: criterion.classCount)
        left = storage.left; right = storage.right
        stats.withUnsafeBufferPointer { reset($0.baseAddress!) }
    }

    mutating func reset(_ stats: UnsafePointer<Double>) {
        leftWeight = 0; leftSum = 0; rightWeight = 0; rightSum = 0
        for c in 0..<criterion.classCount {
            left[c] = 0
            right[c] = stats[c]
            rightWeight += stats[c]
            rightSum += term(stats[c])
        }
    }

    @inline(__always)
    private func term(_ count: Double) -> Double {
        criterion.entropy ? (count > 0 ? count * log(count) : 0) : count * count
    }

    @inline(__always)
    private mutating func move(_ c: Int, _ w: Double) {
        if criterion.entropy {
            leftSum -= term(left[c]); rightSum -= term(right[c])
            left[c] += w; right[c] -= w
            leftSum += term(left[c]); rightSum += term(right[c])
        } else {
            // (L + w)² − L² = w(2L + w); (R − w)² − R² = w(w − 2R).
            leftSum += w * (2 * left[c] + w); rightSum += w * (w - 2 * right[c])
            left[c] += w; right[c] -= w
        }
        leftWeight += w; rightWeight -= w
    }

    @inline(__always)
    mutating func moveLeft(_ i: Int) {
        move(criterion.labels[i], criterion.weights?[i] ?? 1)
    }

    @inline(__always)
    mutating func moveLeft(bin stats: UnsafePointer<Double>) {
        for c in 0..<criterion.classCount where stats[c] != 0 { move(c, stats[c]) }
    }

    var cost: Double {
        if criterion.entropy {
            return (leftWeight > 0 ? leftWeight * log(leftWeight) : 0) - leftSum
                + (rightWeight > 0 ? rightWeight * log(rightWeight) : 0) - rightSum
        }
        return (leftWeight > 0 ? leftWeight - leftSum / leftWeight : 0)
            + (rightWeight > 0 ? rightWeight - rightSum / rightWeight : 0)
    }
}

/// The per-class buffers of a `ClassSweep` (raw memory: no copy-on-write checks in the hot loop).
final class ClassSweepStorage {
    let left: UnsafeMutablePointer<Double>
    let right: UnsafeMutablePointer<Double>

    init(classes: Int) {
        left = .allocate(capacity: classes); left.initialize(repeating: 0, count: classes)
        right = .allocate(capacity: classes); right.initialize(repeating: 0, count: classes)
    }

    deinit { left.deallocate(); right.deallocate() }
}

/// The sweep of `GradientCriterion`: sums of gradients and hessians per side.
struct GradientSweep: SplitSweep {
    let criterion: GradientCriterion
    var leftG = 0.0, leftH = 0.0
    var rightG: Double, rightH: Double

    init(criterion: GradientCriterion, rightG: Double, rightH: Double) {
        self.criterion = criterion; self.rightG = rightG; self.rightH = rightH
    }

    mutating func reset(_ stats: UnsafePointer<Double>) {
        leftG = 0; leftH = 0; rightG = stats[0]; rightH = stats[1]
    }

    @inline(__always)
    mutating func moveLeft(_ i: Int) {
        let g = criterion.gradients[i], h = criterion.hessians[i]
        leftG += g; leftH += h; rightG -= g; rightH -= h
    }

    @inline(__always)
    mutating func moveLeft(bin stats: UnsafePointer<Double>) {
        leftG += stats[0]; leftH += stats[1]; rightG -= stats[0]; rightH -= stats[1]
    }

    var cost: Double {
        let l = criterion.lambda
        return (leftH + l > 1e-12 ? -leftG * leftG / (leftH + l) : 0) + (rightH + l > 1e-12 ? -rightG * rightG / (rightH + l) : 0)
    }
}
