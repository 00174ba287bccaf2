/// Sums of the columns of a row-major matrix, the gradient of a bias broadcast over rows.
/// Rows are added in order from zero, and with `accumulate` the finished sums are then added
/// to `destination`: the same rounding as reducing first and accumulating the result.
///
///     ColumnSums.add(g, rows: 64, columns: 10, into: biasGrad, accumulate: true)
enum ColumnSums {
    static func add(_ matrix: UnsafePointer<Float>, rows: Int, columns: Int,
                    into destination: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if accumulate {
            let sums = Tensor.uninitialized([columns])
            add(matrix, rows: rows, columns: columns, into: sums.pointer, accumulate: false)
            for j in 0..<columns { destination[j] += sums.pointer[j] }
            return
        }
        destination.update(repeating: 0, count: columns)
        for row in 0..<rows {
            let source = matrix + row * columns
            for j in 0..<columns { destination[j] += source[j] }
        }
    }
}

/// The total of a contiguous run of floats: eight running sums side by side, then added
/// together and with the tail, so the adds are not one long dependent chain.
///
///     let total = RunTotal.of(row, count: 676)
enum RunTotal {
    static func of(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMDAccess.Lanes()
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
