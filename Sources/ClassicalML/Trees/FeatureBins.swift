import NumericCore

/// Features quantised to at most 256 bins each, for histogram-based split finding.
///
/// Each feature gets up to 255 increasing `edges`; a value's bin is the number of edges
/// strictly below it, so `bin ≤ b` exactly when `value ≤ edges[b]`. With few distinct values
/// the edges are the midpoints between them (the thresholds an exact tree would use); with
/// many they sit at quantiles.
struct FeatureBins: Sendable {
    let sampleCount: Int
    let featureCount: Int
    /// Split thresholds of every feature.
    let edges: [[Double]]
    /// Bin codes, column-major: `codes[feature * sampleCount + sample]`.
    let codes: [UInt8]
    /// The same codes row-major, `rowCodes[sample * featureCount + feature]`, so that gathering
    /// the codes of a few samples reads whole cache lines.
    let rowCodes: [UInt8]

    init(_ x: Matrix, maxBins: Int = 256) {
        let n = x.rows, d = x.columns
        sampleCount = n; featureCount = d
        let edgeLists = Parallel.map(0..<d) { f in FeatureBins.edges(for: x.column(f), maxBins: maxBins) }
        var codes = [UInt8](repeating: 0, count: n * d)
        codes.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            Parallel.forEach(0..<d) { f in
                let edges = edgeLists[f]
                for i in 0..<n { (base + f * n + i).pointee = UInt8(FeatureBins.bin(of: x.values[i * d + f], edges: edges)) }
            }
        }
        var rowCodes = [UInt8](repeating: 0, count: n * d)
        for f in 0..<d { for i in 0..<n { rowCodes[i * d + f] = codes[f * n + i] } }
        edges = edgeLists
        self.codes = codes
        self.rowCodes = rowCodes
    }

    static func edges(for column: [Double], maxBins: Int) -> [Double] {
        let sorted = column.sorted()
        var distinct: [Double] = []
        for v in sorted where distinct.last != v { distinct.append(v) }
        if distinct.count <= maxBins {
            return zip(distinct.dropLast(), distinct.dropFirst()).map { ($0 + $1) / 2 }
        }
        var edges: [Double] = []
        for k in 1..<maxBins {
            let position = sorted.count * k / maxBins
            let below = sorted[max(0, position - 1)], above = sorted[position]
            let edge = below == above ? below : (below + above) / 2
            if edges.last.map({ edge > $0 }) ?? true, edge < sorted.last! { edges.append(edge) }
        }
        return edges
    }

    /// The number of edges strictly below `value` (binary search).
    @inline(__always)
    static func bin(of value: Double, edges: [Double]) -> Int {
        var lo = 0, hi = edges.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if edges[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
