/// Sums of the columns of a row-major matrix, the gradient of a bias broadcast over rows;
/// rows are added in order, so results match a plain loop.
///
///     ColumnSums.add(g, rows: 64, columns: 10, into: biasGrad, accumulate: true)
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
