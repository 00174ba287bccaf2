import NumericCore

/// Limits on how a tree grows.
struct TreeLimits: Sendable {
    var maxDepth: Int?
    var minSamplesSplit = 2
    var minSamplesLeaf = 1
    /// Features examined per split (all when nil).
    var maxFeatures: Int?
    /// Smallest cost decrease worth a split.
    var minGain = 1e-12
}

/// Grows one tree by histogram split finding over binned features: at every node, for every
/// candidate feature, the node's samples are summed into per-bin statistics and the best
/// boundary between bins is found in one scan. Cost per node is linear in its samples.
struct TreeBuilder<Criterion: SplitCriterion> {
    let bins: FeatureBins
    let criterion: Criterion
    let limits: TreeLimits
    /// Whether to split the feature scan of large nodes over the cores (off inside a forest,
    /// whose trees already run in parallel).
    var parallelFeatures = true
    /// How many parts the feature scan of a large node is cut into (each with its own scratch,
    /// spread over the cores) when `parallelFeatures`: a constant, so that the parts — and so
    /// the split chosen among near-ties — are the same for every thread count.
    static var featureParts: Int { 8 }
    /// Whether Gini classification on whole-number weights takes the integer fast path
    /// (`GiniCountScan`); it grows the same tree as the generic scan, which tests check.
    var integerCounts = true

    typealias Split = TreeBuilderSplit

    /// Grows a tree on the samples listed (repeats allowed). Returns the tree and the cost
    /// decrease credited to every feature.
    func grow(samples: [Int], seed: UInt64, valueWidth: Int) -> (tree: TreeStructure, importances: [Double]) {
        var tree = TreeStructure(valueWidth: valueWidth)
        var importances = [Double](repeating: 0, count: bins.featureCount)
        var indices = samples
        var rng = SeededGenerator(seed: seed)
        let width = criterion.width
        var rootStats = [Double](repeating: 0, count: width)
        rootStats.withUnsafeMutableBufferPointer { s in for i in indices { criterion.add(i, to: s.baseAddress!) } }
        var stack = [PendingNode(node: tree.addNode(value: rootStats.withUnsafeBufferPointer { criterion.leafValue($0.baseAddress!) },
                                                samples: indices.count, depth: 0),
                             lo: 0, hi: indices.count, depth: 0, stats: rootStats)]
        var allFeatures = Array(0..<bins.featureCount)
        let scratches = (0..<(parallelFeatures ? Self.featureParts : 1)).map { _ in ScanScratch(width: width) }
        let fast = integerCounts ? (criterion as? ClassCountCriterion).flatMap(GiniCountScan.init) : nil
        var partitionBuffer = [Int](repeating: 0, count: indices.count)
        while let job = stack.popLast() {
            let count = job.hi - job.lo
            if let maxDepth = limits.maxDepth, job.depth >= maxDepth { continue }
            if count < limits.minSamplesSplit || count < 2 * limits.minSamplesLeaf { continue }
            if job.stats.withUnsafeBufferPointer({ criterion.isPure($0.baseAddress!) }) { continue }
            var candidates = allFeatures
            if let m = limits.maxFeatures, m < allFeatures.count {
                for i in 0..<m { allFeatures.swapAt(i, i + rng.nextInt(below: allFeatures.count - i)) }
                candidates = Array(allFeatures[..<m])
            }
            let split = indices.withUnsafeBufferPointer { idx in
                bestSplit(Array(idx[job.lo..<job.hi]), stats: job.stats, features: candidates, scratches: scratches, fast: fast)
            }
            guard split.feature >= 0, split.gain > limits.minGain else { continue }
            // Partition the node's samples, stably: left are those with bin ≤ split.bin. Samples
            // stay in increasing order, so that gathering their codes reads memory forwards. The
            // left side's statistics are summed on the way, in node order.
            let column = split.feature * bins.sampleCount
            var lo = job.lo
            var leftStats = [Double](repeating: 0, count: width)
            bins.codes.withUnsafeBufferPointer { codes in
                indices.withUnsafeMutableBufferPointer { idx in
                    partitionBuffer.withUnsafeMutableBufferPointer { right in
                        leftStats.withUnsafeMutableBufferPointer { leftStats in
                            var rightCount = 0
                            for position in job.lo..<job.hi {
                                let i = idx[position]
                                if Int(codes[column + i]) <= split.bin {
                                    idx[lo] = i; lo += 1
                                    criterion.add(i, to: leftStats.baseAddress!)
                                } else {
                                    right[rightCount] = i; rightCount += 1
                                }
                            }
                            for k in 0..<rightCount { idx[lo + k] = right[k] }
                        }
                    }
                }
            }
            let rightStats = zip(job.stats, leftStats).map { $0 - $1 }
            let leftValue = leftStats.withUnsafeBufferPointer { criterion.leafValue($0.baseAddress!) }
            let rightValue = rightStats.withUnsafeBufferPointer { criterion.leafValue($0.baseAddress!) }
            let leftNode = tree.addNode(value: leftValue, samples: lo - job.lo, depth: job.depth + 1)
            let rightNode = tree.addNode(value: rightValue, samples: job.hi - lo, depth: job.depth + 1)
            tree.feature[job.node] = split.feature
            tree.threshold[job.node] = bins.edges[split.feature][split.bin]
            tree.left[job.node] = leftNode
            tree.right[job.node] = rightNode
            importances[split.feature] += split.gain
            stack.append(PendingNode(node: rightNode, lo: lo, hi: job.hi, depth: job.depth + 1, stats: rightStats))
            stack.append(PendingNode(node: leftNode, lo: job.lo, hi: lo, depth: job.depth + 1, stats: leftStats))
        }
        return (tree, importances)
    }

    /// The best split of a node over the candidate features.
    /// `scratches` holds one set of buffers per part of a parallel scan (`featureParts`).
    func bestSplit(_ node: [Int], stats: [Double], features: [Int], scratches: [ScanScratch], fast: GiniCountScan? = nil) -> Split {
        let parentCost = stats.withUnsafeBufferPointer { criterion.cost($0.baseAddress!) }
        let work = node.count * features.count
        if parallelFeatures && work > 60_000 && scratches.count > 1 && features.count > 1 {
            // The candidates in a fixed number of parts, each scanned by one thread at a time;
            // the parts' best splits are compared in part order with the scan's own rule
            // (near-ties keep the earlier), so the split is the same for every thread count.
            let parts = Swift.min(scratches.count, features.count)
            let found = TreeQueue.map(parts) { part -> Split in
                let lo = features.count * part / parts, hi = features.count * (part + 1) / parts
                return scan(node, stats: stats, parentCost: parentCost, features: Array(features[lo..<hi]),
                            scratch: scratches[part], fast: fast)
            }
            return found.reduce(Split()) { best, next in
                next.feature >= 0 && best.isBeaten(by: next.gain, parentCost: parentCost) ? next : best
            }
        }
        return scan(node, stats: stats, parentCost: parentCost, features: features, scratch: scratches[0], fast: fast)
    }

    /// Scans some features. Every sample is first summed into its bin's statistics. Large nodes
    /// then sweep bin by bin; small nodes (few samples per bin) are counting-sorted by bin and
    /// swept sample by sample, which costs O(1) per sample instead of O(classes) per bin.
    /// Every boundary between occupied bins is scored; the first best wins ties.
    private func scan(_ node: [Int], stats: [Double], parentCost: Double, features: [Int], scratch: ScanScratch,
                      fast: GiniCountScan?) -> Split {
        let binLimit = 256
        let width = criterion.width
        let countSlot = width - 1
        scratch.prepare(samples: node.count, features: features.count)
        let touchedBins = scratch.touched   // occupied bins of the current feature, `touchedCount` of them
        var best = Split()
        let minLeaf = limits.minSamplesLeaf
        let n = node.count
        // Gather the node's codes of the scanned features, feature-major, from the row-major
        // copy: far fewer cache misses than reading scattered samples of each full column.
        let d = bins.featureCount
        let local = scratch.local, histogram = scratch.histogram, binStarts = scratch.binStarts, ordered = scratch.ordered
        if n * 8 > bins.sampleCount {
            // A large node: each feature's column is read nearly whole anyway, so read it in place.
            bins.codes.withUnsafeBufferPointer { columns in
                for (position, feature) in features.enumerated() {
                    let column = columns.baseAddress! + feature * bins.sampleCount
                    let out = local + position * n
                    for (j, i) in node.enumerated() { out[j] = column[i] }
                }
            }
        } else {
            // Visit each row's features in increasing order (forwards through memory): sort the
            // features, each packed with its scan position, and note where its codes go.
            let m = features.count
            var keyed = features.enumerated().map { $0.element * m + $0.offset }
            keyed.sort()
            let ordered = keyed.map { $0 / m }
            let outputs = keyed.map { $0 % m * n }
            bins.rowCodes.withUnsafeBufferPointer { rows in
                outputs.withUnsafeBufferPointer { outputs in
                    ordered.withUnsafeBufferPointer { ordered in
                        for (j, i) in node.enumerated() {
                            let row = rows.baseAddress! + i * d
                            for k in 0..<m { local[outputs[k] &+ j] = row[ordered[k]] }
                        }
                    }
                }
            }
        }
        if let fast {
            let classes = fast.classCount
            let totals = scratch.totals
            for c in 0..<classes { totals[c] = Int64(stats[c]) }
            node.withUnsafeBufferPointer { fast.gather($0, into: scratch) }
            for (position, feature) in features.enumerated() {
                fast.scan(feature: feature, codes: local + position * n, count: n, totals: totals, parentCost: parentCost,
                          minLeaf: minLeaf, scratch: scratch, best: &best)
            }
        } else {
            let h = histogram, starts = binStarts, sorted = ordered, codes = local
            var sweep = stats.withUnsafeBufferPointer { criterion.makeSweep($0.baseAddress!) }
            for (position, feature) in features.enumerated() {
                let column = codes + position * n
                var touchedCount = 0
                for (j, i) in node.enumerated() {
                    let b = Int(column[j])
                    if h[b * width + countSlot] == 0 { touchedBins[touchedCount] = b; touchedCount += 1 }
                    criterion.add(i, to: h + b * width)
                }
                if touchedCount > 64 {
                    touchedCount = 0
                    for b in 0..<binLimit where h[b * width + countSlot] > 0 { touchedBins[touchedCount] = b; touchedCount += 1 }
                } else {
                    var occupied = UnsafeMutableBufferPointer(start: touchedBins, count: touchedCount)
                    occupied.sort()
                }
                let touched = UnsafeBufferPointer(start: touchedBins, count: touchedCount)
                if touched.count > 1 {
                    stats.withUnsafeBufferPointer { sweep.reset($0.baseAddress!) }
                    let bySample = touched.count * width > 2 * n
                    if bySample {
                        var offset = 0
                        for b in touched { starts[b] = offset; offset += Int(h[b * width + countSlot]) }
                        for (j, i) in node.enumerated() {
                            let b = Int(column[j])
                            sorted[starts[b]] = i
                            starts[b] += 1
                        }
                    }
                    var moved = 0
                    for b in touched.dropLast() {
                        let end = moved + Int(h[b * width + countSlot])
                        if bySample {
                            for position in moved..<end { sweep.moveLeft(sorted[position]) }
                        } else {
                            sweep.moveLeft(bin: h + b * width)
                        }
                        moved = end
                        if moved < minLeaf { continue }
                        if n - moved < minLeaf { break }
                        let gain = parentCost - sweep.cost
                        if best.isBeaten(by: gain, parentCost: parentCost) {
                            best = Split(feature: feature, bin: b, gain: gain)
                        }
                    }
                }
                for b in touched { for k in 0..<width { h[b * width + k] = 0 } }
            }
        }
        return best
    }
}

/// A node's best split: the feature, the last bin on the left and the cost decrease.
struct TreeBuilderSplit {
    var feature = -1; var bin = 0; var gain = 0.0

    /// Whether a candidate with `gain` replaces this best split so far. Near-ties keep the earlier
    /// candidate (a relative margin of 1e-12 of the parent's cost), so that every split search —
    /// the general one and the integer Gini scan — picks the same split and grows the same tree.
    ///
    ///     if best.isBeaten(by: gain, parentCost: parentCost) { best = TreeBuilderSplit(feature: f, bin: b, gain: gain) }
    func isBeaten(by gain: Double, parentCost: Double) -> Bool {
        gain > self.gain + 1e-12 * abs(parentCost) || feature < 0 && gain > 0
    }

    /// The gain a candidate must exceed to replace this split: `isBeaten(by: g)` is `g > gainToBeat`
    /// (no split yet: any positive gain; `gain` is 0 then).
    func gainToBeat(parentCost: Double) -> Double {
        feature < 0 ? min(0, gain + 1e-12 * abs(parentCost)) : gain + 1e-12 * abs(parentCost)
    }
}

/// Buffers reused by every split search of one tree (grown as needed, never shrunk), so that
/// the many small nodes of a deep tree allocate nothing.
final class ScanScratch {
    let width: Int
    /// Per-bin statistics, 256 bins × `width`; all zero between uses.
    let histogram: UnsafeMutablePointer<Double>
    let binStarts: UnsafeMutablePointer<Int>
    private(set) var ordered: UnsafeMutablePointer<Int>
    private(set) var local: UnsafeMutablePointer<UInt8>
    /// Room for the occupied bins of one feature.
    let touched: UnsafeMutablePointer<Int>

    // The integer buffers of `GiniCountScan` (classes ≤ width − 1).
    /// Samples per bin at even and at odd node positions, 256 each; all zero between uses.
    let evenCounts: UnsafeMutablePointer<Int32>, oddCounts: UnsafeMutablePointer<Int32>
    /// Where each bin's even- and odd-position samples go in a counting sort.
    let evenStarts: UnsafeMutablePointer<Int>, oddStarts: UnsafeMutablePointer<Int>
    /// One byte per bin, 1 when the bin is occupied (256 bytes as 32 words); all zero between uses.
    let seenBins: UnsafeMutablePointer<UInt64>
    /// Class weights per bin, 256 rows of 64 at most; all zero between uses.
    let classHistogram: UnsafeMutablePointer<Int32>
    /// The node's class weights, and the left side's during a sweep.
    let totals: UnsafeMutablePointer<Int64>, leftCounts: UnsafeMutablePointer<Int64>
    /// The node's entries (`GiniCountScan.entries`) in node order, and the same sorted by bin.
    private(set) var nodeEntries: UnsafeMutablePointer<Int32>
    private(set) var sortedEntries: UnsafeMutablePointer<Int32>
    private var orderedCapacity = 0, localCapacity = 0

    init(width: Int) {
        self.width = width
        histogram = .allocate(capacity: 256 * width)
        histogram.initialize(repeating: 0, count: 256 * width)
        binStarts = .allocate(capacity: 256)
        binStarts.initialize(repeating: 0, count: 256)
        ordered = .allocate(capacity: 1)
        local = .allocate(capacity: 1)
        touched = .allocate(capacity: 256)
        evenCounts = .allocate(capacity: 256); evenCounts.initialize(repeating: 0, count: 256)
        oddCounts = .allocate(capacity: 256); oddCounts.initialize(repeating: 0, count: 256)
        evenStarts = .allocate(capacity: 256); oddStarts = .allocate(capacity: 256)
        seenBins = .allocate(capacity: 32); seenBins.initialize(repeating: 0, count: 32)
        classHistogram = .allocate(capacity: 256 * 64)
        classHistogram.initialize(repeating: 0, count: 256 * 64)
        totals = .allocate(capacity: width); leftCounts = .allocate(capacity: width)
        nodeEntries = .allocate(capacity: 1); sortedEntries = .allocate(capacity: 1)
    }

    func prepare(samples: Int, features: Int) {
        if samples > orderedCapacity {
            ordered.deallocate(); nodeEntries.deallocate(); sortedEntries.deallocate()
            orderedCapacity = max(samples, 2 * orderedCapacity)
            ordered = .allocate(capacity: orderedCapacity)
            nodeEntries = .allocate(capacity: orderedCapacity)
            sortedEntries = .allocate(capacity: orderedCapacity)
        }
        if samples * features > localCapacity {
            local.deallocate()
            localCapacity = max(samples * features, 2 * localCapacity)
            local = .allocate(capacity: localCapacity)
        }
    }

    deinit {
        histogram.deallocate(); binStarts.deallocate(); touched.deallocate(); ordered.deallocate(); local.deallocate()
        evenCounts.deallocate(); oddCounts.deallocate(); evenStarts.deallocate(); oddStarts.deallocate(); seenBins.deallocate()
        classHistogram.deallocate(); totals.deallocate(); leftCounts.deallocate()
        nodeEntries.deallocate(); sortedEntries.deallocate()
    }
}

/// A node waiting to be split: its samples are `indices[lo..<hi]`.
private struct PendingNode { var node: Int; var lo: Int; var hi: Int; var depth: Int; var stats: [Double] }
