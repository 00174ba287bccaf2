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

    struct Split { var feature = -1; var bin = 0; var gain = 0.0; var left: [Double] = [] }

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
                bestSplit(Array(idx[job.lo..<job.hi]), stats: job.stats, features: candidates)
            }
            guard split.feature >= 0, split.gain > limits.minGain else { continue }
            // Partition the node's samples: left are those with bin ≤ split.bin.
            let column = split.feature * bins.sampleCount
            var lo = job.lo, hi = job.hi - 1
            bins.codes.withUnsafeBufferPointer { codes in
                while lo <= hi {
                    if Int(codes[column + indices[lo]]) <= split.bin { lo += 1 } else { indices.swapAt(lo, hi); hi -= 1 }
                }
            }
            let rightStats = zip(job.stats, split.left).map { $0 - $1 }
            let leftValue = split.left.withUnsafeBufferPointer { criterion.leafValue($0.baseAddress!) }
            let rightValue = rightStats.withUnsafeBufferPointer { criterion.leafValue($0.baseAddress!) }
            let leftNode = tree.addNode(value: leftValue, samples: lo - job.lo, depth: job.depth + 1)
            let rightNode = tree.addNode(value: rightValue, samples: job.hi - lo, depth: job.depth + 1)
            tree.feature[job.node] = split.feature
            tree.threshold[job.node] = bins.edges[split.feature][split.bin]
            tree.left[job.node] = leftNode
            tree.right[job.node] = rightNode
            importances[split.feature] += split.gain
            stack.append(PendingNode(node: rightNode, lo: lo, hi: job.hi, depth: job.depth + 1, stats: rightStats))
            stack.append(PendingNode(node: leftNode, lo: job.lo, hi: lo, depth: job.depth + 1, stats: split.left))
        }
        return (tree, importances)
    }

    /// The best split of a node over the candidate features.
    func bestSplit(_ node: [Int], stats: [Double], features: [Int]) -> Split {
        let parentCost = stats.withUnsafeBufferPointer { criterion.cost($0.baseAddress!) }
        let work = node.count * features.count
        if parallelFeatures && work > 400_000 && Parallel.workers > 1 {
            let parts = Parallel.map(0..<Parallel.workers) { part -> Split in
                let lo = features.count * part / Parallel.workers, hi = features.count * (part + 1) / Parallel.workers
                return scan(node, stats: stats, parentCost: parentCost, features: Array(features[lo..<hi]))
            }
            return parts.reduce(Split()) { best, next in next.feature >= 0 && (best.feature < 0 || next.gain > best.gain) ? next : best }
        }
        return scan(node, stats: stats, parentCost: parentCost, features: features)
    }

    /// Histogram scan of some features; the first best feature wins ties.
    private func scan(_ node: [Int], stats: [Double], parentCost: Double, features: [Int]) -> Split {
        let width = criterion.width
        let countSlot = width - 1
        let binLimit = 256
        var histogram = [Double](repeating: 0, count: binLimit * width)
        var left = [Double](repeating: 0, count: width)
        var right = [Double](repeating: 0, count: width)
        var touched = [Int]()
        touched.reserveCapacity(binLimit)
        var best = Split()
        let minLeaf = Double(limits.minSamplesLeaf)
        let total = stats[countSlot]
        histogram.withUnsafeMutableBufferPointer { hist in
            let h = hist.baseAddress!
            bins.codes.withUnsafeBufferPointer { codes in
                for feature in features {
                    let column = codes.baseAddress! + feature * bins.sampleCount
                    touched.removeAll(keepingCapacity: true)
                    for i in node {
                        let b = Int(column[i])
                        if h[b * width + countSlot] == 0 { touched.append(b) }
                        criterion.add(i, to: h + b * width)
                    }
                    if touched.count > 1 {
                        touched.sort()
                        for k in 0..<width { left[k] = 0 }
                        for position in 0..<(touched.count - 1) {
                            let b = touched[position]
                            for k in 0..<width { left[k] += h[b * width + k] }
                            if left[countSlot] < minLeaf { continue }
                            if total - left[countSlot] < minLeaf { break }
                            for k in 0..<width { right[k] = stats[k] - left[k] }
                            let gain = parentCost - left.withUnsafeBufferPointer { criterion.cost($0.baseAddress!) }
                                - right.withUnsafeBufferPointer { criterion.cost($0.baseAddress!) }
                            if gain > best.gain + 1e-12 * abs(parentCost) || best.feature < 0 && gain > 0 {
                                best = Split(feature: feature, bin: b, gain: gain, left: left)
                            }
                        }
                    }
                    for b in touched { for k in 0..<width { h[b * width + k] = 0 } }
                }
            }
        }
        return best
    }
}

/// A node waiting to be split: its samples are `indices[lo..<hi]`.
private struct PendingNode { var node: Int; var lo: Int; var hi: Int; var depth: Int; var stats: [Double] }
