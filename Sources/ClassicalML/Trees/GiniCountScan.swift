/// The Gini split search of classification trees on exact integer class counts, the fast path
/// of `TreeBuilder` when every sample weight is a small whole number (none, or bootstrap counts).
///
/// It scores exactly the splits the generic `ClassSweep` scores, with the same arithmetic on the
/// same whole numbers (so the same tree), but reads the node's labels and weights from compact
/// node-ordered copies and keeps its counts in integers, which costs a fraction of the
/// per-sample work.
///
///     guard let fast = GiniCountScan(criterion) else { … }   // nil for entropy or fractional weights
///     fast.scan(feature: f, codes: column, labels: nodeLabels, weights: nodeWeights, …, best: &split)
struct GiniCountScan: Sendable {
    let classCount: Int
    /// Histogram rows are `1 << classShift` wide (a power of two ≥ classCount, at most 64).
    let classShift: Int
    /// Every sample's class, as a byte.
    let labels: [UInt8]
    /// Every sample's weight as a whole number (all ones when the criterion has none).
    let weights: [Int32]

    init?(_ criterion: ClassCountCriterion) {
        guard !criterion.entropy, criterion.classCount <= 64 else { return nil }
        if let given = criterion.weights {
            // Whole numbers whose total fits the 32-bit bin counts.
            guard given.allSatisfy({ $0 >= 0 && $0 <= 65_536 && $0.rounded() == $0 }),
                  given.reduce(0, +) < Double(Int32.max) else { return nil }
            weights = given.map { Int32($0) }
        } else {
            weights = [Int32](repeating: 1, count: criterion.labels.count)
        }
        guard criterion.labels.allSatisfy({ $0 >= 0 && $0 < criterion.classCount }) else { return nil }
        labels = criterion.labels.map { UInt8($0) }
        classCount = criterion.classCount
        var shift = 0
        while 1 << shift < criterion.classCount { shift += 1 }
        classShift = shift
    }

    /// Copies the labels and weights of the node's samples, in node order, into `scratch`.
    func gather(_ node: UnsafeBufferPointer<Int>, into scratch: ScanScratch) {
        let nodeLabels = scratch.nodeLabels, nodeWeights = scratch.nodeWeights
        labels.withUnsafeBufferPointer { l in
            weights.withUnsafeBufferPointer { w in
                for (j, i) in node.enumerated() { nodeLabels[j] = l[i]; nodeWeights[j] = w[i] }
            }
        }
    }

    /// Scores every boundary between occupied bins of one feature and updates `best` when one
    /// beats it (the first best wins ties, as in the generic scan). `codes` holds the feature's
    /// bin codes in node order; `totals` the node's weighted class counts.
    func scan(feature: Int, codes: UnsafePointer<UInt8>, count n: Int, totals: UnsafePointer<Int64>,
              parentCost: Double, minLeaf: Int, scratch: ScanScratch, best: inout TreeBuilderSplit) {
        let classes = classCount, shift = classShift
        let binCounts = scratch.binCounts, classHistogram = scratch.classHistogram, touched = scratch.touched
        let nodeLabels = scratch.nodeLabels, nodeWeights = scratch.nodeWeights
        // Nodes of up to 1,024 samples always sweep sample by sample (after a counting sort by
        // bin), so they need no per-bin class weights; measured, that is fewer instructions than
        // sweeping bins at every size up to there.
        let smallNode = n <= 1024
        var touchedCount = 0
        if smallNode {
            for j in 0..<n {
                let b = Int(codes[j])
                if binCounts[b] == 0 { touched[touchedCount] = b; touchedCount += 1 }
                binCounts[b] &+= 1
            }
        } else {
            // Large nodes occupy many bins: find them afterwards rather than test every sample.
            for j in 0..<n {
                let b = Int(codes[j])
                binCounts[b] &+= 1
                classHistogram[b << shift | Int(nodeLabels[j])] &+= nodeWeights[j]
            }
            touchedCount = 256   // listed by the scan of all bins below
        }
        if touchedCount > 32 {   // then a scan of all bins is cheaper than an insertion sort
            touchedCount = 0
            for b in 0..<256 where binCounts[b] > 0 { touched[touchedCount] = b; touchedCount += 1 }
        } else {
            insertionSort(touched, count: touchedCount)
        }
        // Few samples per bin: counting-sort the samples by bin and move them one at a time.
        let bySample = smallNode || touchedCount * (classes + 1) > 2 * n
        defer {
            if smallNode {
                for t in 0..<touchedCount { binCounts[touched[t]] = 0 }
            } else if bySample {
                // Cheaper to clear what the samples touched than whole bins.
                for j in 0..<n {
                    let b = Int(codes[j])
                    binCounts[b] = 0
                    classHistogram[b << shift | Int(nodeLabels[j])] = 0
                }
            } else {
                for t in 0..<touchedCount {
                    let b = touched[t]
                    binCounts[b] = 0
                    for c in 0..<classes { classHistogram[b << shift | c] = 0 }
                }
            }
        }
        guard touchedCount > 1 else { return }

        var sweep = GiniCountSweep(totals: totals, classes: classes, left: scratch.leftCounts, right: scratch.rightCounts)
        let order = scratch.order, starts = scratch.binStarts
        if bySample {
            var offset = 0
            for t in 0..<touchedCount { let b = touched[t]; starts[b] = offset; offset += Int(binCounts[b]) }
            for j in 0..<n {
                let b = Int(codes[j])
                order[starts[b]] = Int32(j)
                starts[b] += 1
            }
        }
        var moved = 0
        for t in 0..<(touchedCount - 1) {
            let b = touched[t]
            let end = moved + Int(binCounts[b])
            if bySample {
                for position in moved..<end {
                    let j = Int(order[position])
                    sweep.move(Int(nodeLabels[j]), Int64(nodeWeights[j]))
                }
            } else {
                let bin = classHistogram + b << shift
                for c in 0..<classes where bin[c] != 0 { sweep.move(c, Int64(bin[c])) }
            }
            moved = end
            if moved < minLeaf { continue }
            if n - moved < minLeaf { break }
            let gain = parentCost - sweep.cost
            if best.isBeaten(by: gain, parentCost: parentCost) {
                best = TreeBuilderSplit(feature: feature, bin: b, gain: gain, left: [])
            }
        }
    }
}

/// Both sides of a Gini split as whole numbers: per-class weights, their sum and their sum of
/// squares, updated in constant time per move.
struct GiniCountSweep {
    let left: UnsafeMutablePointer<Int64>
    let right: UnsafeMutablePointer<Int64>
    var leftWeight: Int64 = 0, rightWeight: Int64 = 0
    var leftSquares: Int64 = 0, rightSquares: Int64 = 0

    /// Starts with every sample (class weights `totals`) on the right.
    init(totals: UnsafePointer<Int64>, classes: Int, left: UnsafeMutablePointer<Int64>, right: UnsafeMutablePointer<Int64>) {
        self.left = left; self.right = right
        for c in 0..<classes {
            left[c] = 0
            right[c] = totals[c]
            rightWeight += totals[c]
            rightSquares += totals[c] * totals[c]
        }
    }

    /// Moves weight `w` of class `c` to the left: (L + w)² − L² = w(2L + w), (R − w)² − R² = w(w − 2R).
    @inline(__always)
    mutating func move(_ c: Int, _ w: Int64) {
        leftSquares &+= w &* (2 &* left[c] &+ w); rightSquares &+= w &* (w &- 2 &* right[c])
        left[c] &+= w; right[c] &-= w
        leftWeight &+= w; rightWeight &-= w
    }

    /// Σ over both sides of `weight − Σ count² / weight`, as `ClassSweep` computes it.
    var cost: Double {
        let l = Double(leftWeight), r = Double(rightWeight)
        return (leftWeight > 0 ? l - Double(leftSquares) / l : 0) + (rightWeight > 0 ? r - Double(rightSquares) / r : 0)
    }
}

/// Sorts a few integers in place (the occupied bins of a node: at most 32 of them).
@inline(__always)
func insertionSort(_ values: UnsafeMutablePointer<Int>, count: Int) {
    guard count > 1 else { return }
    for i in 1..<count {
        let value = values[i]
        var j = i
        while j > 0 && values[j - 1] > value { values[j] = values[j - 1]; j -= 1 }
        values[j] = value
    }
}
