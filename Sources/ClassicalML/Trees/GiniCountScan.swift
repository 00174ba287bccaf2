/// The Gini split search of classification trees on exact integer class counts, the fast path
/// of `TreeBuilder` when every sample weight is a small whole number (none, or bootstrap counts).
///
/// It scores exactly the splits the generic `ClassSweep` scores, with the same arithmetic on the
/// same whole numbers (so the same tree), but reads the node's classes and weights from a compact
/// node-ordered copy and keeps its counts in integers, which costs a fraction of the per-sample
/// work.
///
///     guard let fast = GiniCountScan(criterion) else { … }   // nil for entropy or fractional weights
///     fast.gather(node, into: scratch)
///     fast.scan(feature: f, codes: column, count: node.count, …, best: &split)
struct GiniCountScan: Sendable {
    let classCount: Int
    /// Histogram rows are `1 << classShift` wide (a power of two ≥ classCount, at most 64).
    let classShift: Int
    /// Every sample's class and weight (all ones when the criterion has none) in one number,
    /// `weight << 8 | class`, so that the per-sample sweep loads one value.
    let entries: [Int32]

    init?(_ criterion: ClassCountCriterion) {
        guard !criterion.entropy, criterion.classCount <= 64 else { return nil }
        if let given = criterion.weights {
            // Whole numbers whose total fits the 32-bit bin counts.
            guard given.allSatisfy({ $0 >= 0 && $0 <= 65_536 && $0.rounded() == $0 }),
                  given.reduce(0, +) < Double(Int32.max) else { return nil }
        }
        guard criterion.labels.allSatisfy({ $0 >= 0 && $0 < criterion.classCount }) else { return nil }
        entries = criterion.labels.indices.map { i in
            GiniCountScan.entry(class: criterion.labels[i], weight: criterion.weights.map { Int($0[i]) } ?? 1)
        }
        classCount = criterion.classCount
        var shift = 0
        while 1 << shift < criterion.classCount { shift += 1 }
        classShift = shift
    }

    /// A sample's class and weight packed as one entry.
    @inline(__always)
    static func entry(class c: Int, weight: Int) -> Int32 { Int32(weight << 8 | c) }
    /// The class of an entry.
    @inline(__always)
    static func entryClass(_ entry: Int32) -> Int { Int(entry & 0xFF) }
    /// The weight of an entry.
    @inline(__always)
    static func entryWeight(_ entry: Int32) -> Int64 { Int64(entry >> 8) }

    /// Copies the entries (class and weight) of the node's samples, in node order, into `scratch`.
    func gather(_ node: UnsafeBufferPointer<Int>, into scratch: ScanScratch) {
        let nodeEntries = scratch.nodeEntries
        entries.withUnsafeBufferPointer { e in
            for (j, i) in node.enumerated() { nodeEntries[j] = e[i] }
        }
    }

    /// Scores every boundary between occupied bins of one feature and updates `best` when one
    /// beats it (the first best wins ties, as in the generic scan). `codes` holds the feature's
    /// bin codes in node order; `totals` the node's weighted class counts.
    func scan(feature: Int, codes: UnsafePointer<UInt8>, count n: Int, totals: UnsafePointer<Int64>,
              parentCost: Double, minLeaf: Int, scratch: ScanScratch, best: inout TreeBuilderSplit) {
        let classes = classCount, shift = classShift
        let evenCounts = scratch.evenCounts, oddCounts = scratch.oddCounts, classHistogram = scratch.classHistogram
        let touched = scratch.touched, seen = UnsafeMutableRawPointer(scratch.seenBins)
        let nodeEntries = scratch.nodeEntries
        // Nodes of up to 1,024 samples always sweep sample by sample (after a counting sort by
        // bin), so they need no per-bin class weights; measured, that is fewer instructions than
        // sweeping bins at every size up to there.
        let smallNode = n <= 1024
        // Samples at even and odd positions count into separate tables, so that a run of one bin
        // (blank pixels) is two interleaved chains of increments rather than one, each waiting on
        // the store before it; occupied bins are marked with plain stores, listed afterwards.
        var j = 0
        if smallNode {
            while j &+ 1 < n {
                let b0 = Int(codes[j]), b1 = Int(codes[j &+ 1])
                seen.storeBytes(of: 1, toByteOffset: b0, as: UInt8.self)
                seen.storeBytes(of: 1, toByteOffset: b1, as: UInt8.self)
                evenCounts[b0] &+= 1
                oddCounts[b1] &+= 1
                j &+= 2
            }
        } else {
            while j &+ 1 < n {
                let b0 = Int(codes[j]), b1 = Int(codes[j &+ 1])
                seen.storeBytes(of: 1, toByteOffset: b0, as: UInt8.self)
                seen.storeBytes(of: 1, toByteOffset: b1, as: UInt8.self)
                evenCounts[b0] &+= 1
                oddCounts[b1] &+= 1
                let e0 = nodeEntries[j], e1 = nodeEntries[j &+ 1]
                classHistogram[b0 << shift | GiniCountScan.entryClass(e0)] &+= e0 >> 8
                classHistogram[b1 << shift | GiniCountScan.entryClass(e1)] &+= e1 >> 8
                j &+= 2
            }
        }
        if j < n {
            let b = Int(codes[j])
            seen.storeBytes(of: 1, toByteOffset: b, as: UInt8.self)
            evenCounts[b] &+= 1
            if !smallNode { let e = nodeEntries[j]; classHistogram[b << shift | GiniCountScan.entryClass(e)] &+= e >> 8 }
        }
        let touchedCount = listSeenBins(scratch.seenBins, into: touched)
        // Few samples per bin: counting-sort the samples by bin and move them one at a time.
        let bySample = smallNode || touchedCount * (classes + 1) > 2 * n
        defer {
            for t in 0..<touchedCount { let b = touched[t]; evenCounts[b] = 0; oddCounts[b] = 0 }
            if !smallNode && bySample {
                // Cheaper to clear what the samples touched than whole bins.
                for j in 0..<n { classHistogram[Int(codes[j]) << shift | GiniCountScan.entryClass(nodeEntries[j])] = 0 }
            } else if !smallNode {
                for t in 0..<touchedCount {
                    let b = touched[t]
                    for c in 0..<classes { classHistogram[b << shift | c] = 0 }
                }
            }
        }
        guard touchedCount > 1 else { return }

        var sweep = GiniCountSweep(totals: totals, classes: classes, left: scratch.leftCounts)
        let sorted = scratch.sortedEntries, evenStarts = scratch.evenStarts, oddStarts = scratch.oddStarts
        if bySample {
            // Each bin holds its even-position samples, then its odd-position ones (the order
            // within a bin changes no sum); afterwards `oddStarts[b]` is where bin `b` ends.
            var offset = 0
            for t in 0..<touchedCount {
                let b = touched[t]
                let even = Int(evenCounts[b])
                evenStarts[b] = offset; oddStarts[b] = offset &+ even
                offset &+= even &+ Int(oddCounts[b])
            }
            var j = 0
            while j &+ 1 < n {
                let b0 = Int(codes[j]), b1 = Int(codes[j &+ 1])
                sorted[evenStarts[b0]] = nodeEntries[j]
                evenStarts[b0] &+= 1
                sorted[oddStarts[b1]] = nodeEntries[j &+ 1]
                oddStarts[b1] &+= 1
                j &+= 2
            }
            if j < n {
                let b = Int(codes[j])
                sorted[evenStarts[b]] = nodeEntries[j]
                evenStarts[b] &+= 1
            }
        }
        var bar = sweep.bar(toBeat: best, parentCost: parentCost)
        var moved = 0
        for t in 0..<(touchedCount - 1) {
            let b = touched[t]
            let end = bySample ? oddStarts[b] : moved + Int(evenCounts[b]) + Int(oddCounts[b])
            if bySample {
                for position in moved..<end { sweep.move(sorted[position]) }
            } else {
                let bin = classHistogram + b << shift
                for c in 0..<classes where bin[c] != 0 { sweep.move(c, Int64(bin[c])) }
            }
            moved = end
            if moved < minLeaf { continue }
            if n - moved < minLeaf { break }
            guard sweep.mayExceed(bar) else { continue }
            let gain = parentCost - sweep.cost
            if best.isBeaten(by: gain, parentCost: parentCost) {
                best = TreeBuilderSplit(feature: feature, bin: b, gain: gain)
                bar = sweep.bar(toBeat: best, parentCost: parentCost)
            }
        }
    }
}

/// Both sides of a Gini split as whole numbers, updated in constant time per move: the left
/// side's per-class weights, its weight and sum of squares, and `Σ total·left` per class, from
/// which the right side's sum of squares follows exactly:
/// `Σ (total − left)² = Σ total² − 2 Σ total·left + Σ left²`.
struct GiniCountSweep {
    let totals: UnsafePointer<Int64>
    let left: UnsafeMutablePointer<Int64>
    let totalWeight: Int64, totalSquares: Int64
    var leftWeight: Int64 = 0, leftSquares: Int64 = 0
    /// `Σ totals[c] · left[c]`.
    var cross: Int64 = 0

    /// Starts with every sample (class weights `totals`) on the right.
    init(totals: UnsafePointer<Int64>, classes: Int, left: UnsafeMutablePointer<Int64>) {
        self.totals = totals; self.left = left
        var weight: Int64 = 0, squares: Int64 = 0
        for c in 0..<classes {
            left[c] = 0
            weight &+= totals[c]
            squares &+= totals[c] &* totals[c]
        }
        totalWeight = weight; totalSquares = squares
    }

    var rightWeight: Int64 { totalWeight &- leftWeight }
    var rightSquares: Int64 { totalSquares &- 2 &* cross &+ leftSquares }

    /// Moves weight `w` of class `c` to the left: (L + w)² − L² = w(2L + w).
    @inline(__always)
    mutating func move(_ c: Int, _ w: Int64) {
        let l = left[c]
        leftSquares &+= w &* (2 &* l &+ w)
        cross &+= w &* totals[c]
        left[c] = l &+ w
        leftWeight &+= w
    }

    /// Moves one sample, given as a `GiniCountScan` entry, to the left.
    @inline(__always)
    mutating func move(_ entry: Int32) {
        move(GiniCountScan.entryClass(entry), GiniCountScan.entryWeight(entry))
    }

    /// Σ over both sides of `weight − Σ count² / weight`, as `ClassSweep` computes it.
    var cost: Double {
        let leftWeight = self.leftWeight, rightWeight = self.rightWeight
        let l = Double(leftWeight), r = Double(rightWeight)
        return (leftWeight > 0 ? l - Double(leftSquares) / l : 0) + (rightWeight > 0 ? r - Double(rightSquares) / r : 0)
    }

    /// The value that `Σ count² / weight` over both sides must exceed for a split to beat `best`,
    /// less a margin far above rounding: the cost is `totalWeight − that sum`, so a split whose
    /// sum is at most the bar cannot beat `best` (see `mayExceed`).
    func bar(toBeat best: TreeBuilderSplit, parentCost: Double) -> Double {
        let weight = Double(totalWeight)
        return best.gainToBeat(parentCost: parentCost) - parentCost + weight - 1e-9 * weight
    }

    /// Whether the current split might exceed `bar` (then its cost is worth computing), decided
    /// without dividing: `Ls / l + Rs / r > bar` exactly when `Ls·r + Rs·l > bar·l·r`. False only
    /// when the split surely cannot beat the best, so skipping it changes no choice.
    @inline(__always)
    func mayExceed(_ bar: Double) -> Bool {
        let leftWeight = self.leftWeight, rightWeight = self.rightWeight
        guard leftWeight > 0 && rightWeight > 0 else { return true }
        let l = Double(leftWeight), r = Double(rightWeight)
        return Double(leftSquares) * r + Double(rightSquares) * l > bar * (l * r)
    }
}

/// Lists in increasing order the bins marked in `seen` (256 bytes, each 0 or 1, read as 32
/// words) and clears the marks; returns how many there are. Each word's 8 marks become 8 bits
/// of a 256-bit map by one multiplication, without branches; the map's bits are then listed
/// in order, a step per marked bin.
@inline(__always)
func listSeenBins(_ seen: UnsafeMutablePointer<UInt64>, into bins: UnsafeMutablePointer<Int>) -> Int {
    var count = 0
    for group in 0..<4 {
        var map: UInt64 = 0
        for w in 0..<8 {
            // Bytes of 0 or 1 times this constant leave byte k's mark at bit 56 + k, carry-free.
            let marks = UInt64(littleEndian: seen[group &<< 3 | w]) &* 0x0102_0408_1020_4080
            map |= (marks &>> 56) &<< (w &<< 3)
            seen[group &<< 3 | w] = 0
        }
        while map != 0 {
            bins[count] = group &<< 6 | map.trailingZeroBitCount
            count &+= 1
            map &= map &- 1
        }
    }
    return count
}
