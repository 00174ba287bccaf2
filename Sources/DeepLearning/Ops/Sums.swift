/// Sums over rows and columns of row-major matrices, for bias gradients.
///
///     ColumnSums.add(g, rows: 64, columns: 10, into: biasGrad, accumulate: true)
///     let total = RowSum.of(row, count: 7744)
enum ColumnSums {
    static func add(_ matrix: UnsafePointer<Float>, rows: Int, columns: Int,
                    into destination: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if !accumulate { destination.update(repeating: 0, count: columns) }
        for row in 0..<rows {
            let source = matrix + row * columns
            for j in 0..<columns { destination[j] += source[j] }
        }
    }
}

/// The sum of a contiguous run, in eight interleaved partial sums so that the adds pipeline
/// (a single running total waits on every previous add).
enum RowSum {
    static func of(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var i = 0
        while i + SIMDAccess.width <= count {
            lanes += SIMDAccess.load(values + i)
            i += SIMDAccess.width
        }
        var total = lanes.sum()
        while i < count { total += values[i]; i += 1 }
        return total
    }
}
