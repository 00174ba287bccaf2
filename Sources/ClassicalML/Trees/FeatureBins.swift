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
        var codes = [UInt8](repeating: 0, count: n * d)
        var edgeLists = [[Double]](repeating: [], count: d)
        // Each worker bins its share of the features a block at a time: the block's columns are
        // copied out of the row-major matrix (a few whole cache lines per row) into the worker's
        // buffer, so that no transposed copy of the whole matrix is made.
        let block = FeatureBins.blockWidth
        codes.withUnsafeMutableBufferPointer { codes in
            edgeLists.withUnsafeMutableBufferPointer { edgeLists in
                x.values.withUnsafeBufferPointer { values in
                    let codes = codes.baseAddress!, edgeLists = edgeLists.baseAddress!, values = values.baseAddress!
                    Parallel.forChunks(0..<(d + block - 1) / block) { blocks in
                        let columns = UnsafeMutablePointer<Double>.allocate(capacity: block * n)
                        defer { columns.deallocate() }
                        for b in blocks {
                            let lo = b * block, width = min(block, d - lo)
                            for i in 0..<n {
                                let row = values + i * d + lo
                                for k in 0..<width { columns[k * n + i] = row[k] }
                            }
                            for k in 0..<width {
                                let column = UnsafeBufferPointer(start: columns + k * n, count: n)
                                edgeLists[lo + k] = FeatureBins.bin(column, maxBins: maxBins, into: codes + (lo + k) * n)
                            }
                        }
                    }
                }
            }
        }
        edges = edgeLists
        self.codes = codes
        rowCodes = FeatureBins.transposed(codes, features: d, samples: n)
    }

    /// Features binned together, copied from the matrix a block at a time: 8 doubles are one
    /// cache line of each row.
    static let blockWidth = 8

    /// Bins one column: writes every value's code into `codes` and returns the column's edges.
    static func bin(_ column: UnsafeBufferPointer<Double>, maxBins: Int, into codes: UnsafeMutablePointer<UInt8>) -> [Double] {
        if let distinct = distinctValues(of: column, limit: maxBins) {
            // Few distinct values: a value's bin is its rank among them.
            let direct = DistinctValueCodes(distinct)
            for (i, value) in column.enumerated() { codes[i] = direct.code(of: value) }
            return zip(distinct.dropLast(), distinct.dropFirst()).map { ($0 + $1) / 2 }
        }
        let edges = FeatureBins.edges(for: Array(column), maxBins: maxBins)
        edges.withUnsafeBufferPointer { edges in
            // Runs of one value (blank pixels, zero counts) skip the search.
            var last = Double.nan, lastCode: UInt8 = 0
            for (i, value) in column.enumerated() {
                if value != last { last = value; lastCode = UInt8(FeatureBins.bin(of: value, edges: edges)) }
                codes[i] = lastCode
            }
        }
        return edges
    }

    /// The codes row-major, `samples × features`, from the column-major `codes`; the workers
    /// take a share of the samples each, in tiles.
    static func transposed(_ codes: [UInt8], features d: Int, samples n: Int) -> [UInt8] {
        var rows = [UInt8](repeating: 0, count: n * d)
        let tile = 64
        codes.withUnsafeBufferPointer { from in
            rows.withUnsafeMutableBufferPointer { to in
                let from = from.baseAddress!, to = to.baseAddress!
                Parallel.forChunks(0..<(n + tile - 1) / tile) { tiles in
                    for t in tiles {
                        let lo = t * tile, hi = min(n, lo + tile)
                        for f0 in stride(from: 0, to: d, by: tile) {
                            for f in f0..<min(d, f0 + tile) {
                                for i in lo..<hi { to[i * d + f] = from[f * n + i] }
                            }
                        }
                    }
                }
            }
        }
        return rows
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
