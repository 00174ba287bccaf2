import Foundation

extension Matrix {
    /// The mean of every column.
    public var columnMeans: [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for r in 0..<rows { for c in 0..<columns { sums[c] += values[r * columns + c] } }
        return sums.map { rows > 0 ? $0 / Double(rows) : 0 }
    }

    /// The population variance (dividing by `rows`) of every column, as scikit-learn's scalers use.
    public var columnVariances: [Double] {
        let means = columnMeans
        var sums = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let d = values[r * columns + c] - means[c]
                sums[c] += d * d
            }
        }
        return sums.map { rows > 0 ? $0 / Double(rows) : 0 }
    }

    /// The population standard deviation of every column.
    public var columnStandardDeviations: [Double] { columnVariances.map { $0.squareRoot() } }

    /// The smallest value of every column.
    public var columnMinimums: [Double] { columnFold(.infinity, min) }

    /// The largest value of every column.
    public var columnMaximums: [Double] { columnFold(-.infinity, max) }

    private func columnFold(_ start: Double, _ combine: (Double, Double) -> Double) -> [Double] {
        var out = [Double](repeating: start, count: columns)
        for r in 0..<rows { for c in 0..<columns { out[c] = combine(out[c], values[r * columns + c]) } }
        return out
    }

    /// The squared Euclidean norm of every row.
    var rowSquaredNorms: [Double] {
        (0..<rows).map { r in
            var s = 0.0
            for c in 0..<columns { let v = values[r * columns + c]; s += v * v }
            return s
        }
    }
}

/// A compact, aligned rendering of a number for printed tables.
func formatNumber(_ value: Double, digits: Int = 4) -> String {
    if value.isNaN { return "nan" }
    if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.\(digits)g", value)
}
