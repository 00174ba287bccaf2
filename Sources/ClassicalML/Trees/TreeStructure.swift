/// The nodes of one fitted tree, stored as parallel arrays. A node is a leaf when its feature
/// is −1; otherwise samples with `x[feature] <= threshold` go to `left`.
struct TreeStructure: Sendable {
    var feature: [Int] = []
    var threshold: [Double] = []
    var left: [Int] = []
    var right: [Int] = []
    /// The leaf output of every node: class probabilities or a single value, `valueWidth` each.
    var values: [Double] = []
    var valueWidth: Int
    /// Training samples (unweighted) that reached every node.
    var samples: [Int] = []
    var depth: [Int] = []

    init(valueWidth: Int) { self.valueWidth = valueWidth }

    var nodeCount: Int { feature.count }
    var leafCount: Int { feature.filter { $0 < 0 }.count }
    var maxDepth: Int { depth.max() ?? 0 }

    mutating func addNode(value: [Double], samples: Int, depth: Int) -> Int {
        feature.append(-1); threshold.append(0); left.append(-1); right.append(-1)
        values += value; self.samples.append(samples); self.depth.append(depth)
        return feature.count - 1
    }

    /// The leaf a row of features lands in.
    @inline(__always)
    func leaf(for row: UnsafePointer<Double>) -> Int {
        var node = 0
        while feature[node] >= 0 {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node]
        }
        return node
    }

    /// Adds every row's leaf output (times `scale`) into `output` (`rows × valueWidth`).
    func accumulate(_ x: Matrix, scale: Double = 1, into output: inout [Double]) {
        x.values.withUnsafeBufferPointer { data in
            output.withUnsafeMutableBufferPointer { out in
                accumulate(rows: 0..<x.rows, of: data.baseAddress!, columns: x.columns, scale: scale, into: out.baseAddress!)
            }
        }
    }

    /// Adds the leaf output (times `scale`) of the rows `rows` of the row-major `data` into the
    /// same rows of `output` (`valueWidth` per row).
    ///
    ///     tree.accumulate(rows: 0..<64, of: x, columns: d, scale: 0.01, into: probabilities)
    func accumulate(rows: Range<Int>, of data: UnsafePointer<Double>, columns: Int, scale: Double,
                    into output: UnsafeMutablePointer<Double>) {
        let width = valueWidth
        for r in rows {
            let node = leaf(for: data + r * columns)
            for k in 0..<width { output[r * width + k] += scale * values[node * width + k] }
        }
    }
}
