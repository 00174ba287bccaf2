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
        let columns = x.transposed()   // one strided pass; every feature is contiguous afterwards
        let binnings = Parallel.map(0..<d) { f in
            FeatureBins.binning(for: Array(columns.values[f * n ..< (f + 1) * n]), maxBins: maxBins)
        }
        let edgeLists = binnings.map(\.edges)
        var codes = [UInt8](repeating: 0, count: n * d)
        codes.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            columns.values.withUnsafeBufferPointer { values in
                Parallel.forEach(0..<d) { f in
                    if let direct = binnings[f].codes {
                        // Few distinct values: a value's bin is its rank among them.
                        for i in 0..<n { (base + f * n + i).pointee = direct.code(of: values[f * n + i]) }
                        return
                    }
                    edgeLists[f].withUnsafeBufferPointer { edges in
                        // Runs of one value (blank pixels, zero counts) skip the search.
                        var last = Double.nan, lastCode: UInt8 = 0
                        for i in 0..<n {
                            let value = values[f * n + i]
                            if value != last { last = value; lastCode = UInt8(FeatureBins.bin(of: value, edges: edges)) }
                            (base + f * n + i).pointee = lastCode
                        }
                    }
                }
            }
        }
        edges = edgeLists
        self.codes = codes
        rowCodes = transposedBuffer(codes, rows: d, columns: n)
    }

    /// A column's edges and, when it has at most `maxBins` distinct values, the table from each
    /// value to its bin (its rank).
    static func binning(for column: [Double], maxBins: Int) -> (edges: [Double], codes: DistinctValueCodes?) {
        if let distinct = column.withUnsafeBufferPointer({ distinctValues(of: $0, limit: maxBins) }) {
            return (zip(distinct.dropLast(), distinct.dropFirst()).map { ($0 + $1) / 2 }, DistinctValueCodes(distinct))
        }
        return (edges(for: column, maxBins: maxBins), nil)
    }

    static func edges(for column: [Double], maxBins: Int) -> [Double] {
        if let distinct = column.withUnsafeBufferPointer({ distinctValues(of: $0, limit: maxBins) }) {
            return zip(distinct.dropLast(), distinct.dropFirst()).map { ($0 + $1) / 2 }
        }
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

    /// The number of edges strictly below `value`: a binary search without data-dependent
    /// branches (the compiler turns the step into a conditional move), since bin codes are
    /// computed for every value of the data.
    @inline(__always)
    static func bin(of value: Double, edges: UnsafeBufferPointer<Double>) -> Int {
        var base = 0, length = edges.count
        while length > 0 {
            let half = length >> 1
            let probe = base + half
            let below = edges[probe] < value
            base = below ? probe + 1 : base
            length = below ? length - half - 1 : half
        }
        return base
    }

    /// The number of edges strictly below `value`.
    static func bin(of value: Double, edges: [Double]) -> Int {
        edges.withUnsafeBufferPointer { bin(of: value, edges: $0) }
    }
}
