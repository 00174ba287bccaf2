/// Replaces categorical columns (integer-coded values) by one indicator column per category
/// seen in training; other columns pass through unchanged, in front.
///
///     let encoder = try OneHotEncoder(columns: [2]).fit(x)   // column 2 holds 0, 1, 2
///     let wide = try encoder.transform(x)                     // 2 numeric + 3 indicator columns
public struct OneHotEncoder: Transformer, Sendable {
    /// The columns to encode; `nil` encodes every column.
    public var columns: [Int]?
    /// Whether a category unseen in training is an error (otherwise it encodes as all zeros).
    public var rejectUnknown: Bool

    public init(columns: [Int]? = nil, rejectUnknown: Bool = true) {
        self.columns = columns; self.rejectUnknown = rejectUnknown
    }

    public func fit(_ x: Matrix) throws -> Fitted {
        try Check.features(x)
        let encoded = columns ?? Array(0..<x.columns)
        for c in encoded { try Check.parameter(c >= 0 && c < x.columns, "columns", c, "a column index below \(x.columns)") }
        let categories = encoded.map { Array(Set(x.column($0))).sorted() }
        return Fitted(featureCount: x.columns, encodedColumns: encoded, categories: categories, rejectUnknown: rejectUnknown)
    }

    public struct Fitted: FittedTransformer, Sendable {
        public let featureCount: Int
        public let encodedColumns: [Int]
        /// The sorted categories of every encoded column.
        public let categories: [[Double]]
        let rejectUnknown: Bool

        /// Names of the output columns, from input names: `color=0`, `color=1`, ….
        public func outputNames(_ inputNames: [String]) -> [String] {
            let kept = (0..<featureCount).filter { !encodedColumns.contains($0) }.map { inputNames[$0] }
            return kept + zip(encodedColumns, categories).flatMap { c, cats in cats.map { "\(inputNames[c])=\(formatNumber($0))" } }
        }

        public func transform(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            let kept = (0..<featureCount).filter { !encodedColumns.contains($0) }
            let width = kept.count + categories.map(\.count).reduce(0, +)
            var out = [Double](repeating: 0, count: x.rows * width)
            for r in 0..<x.rows {
                for (j, c) in kept.enumerated() { out[r * width + j] = x[r, c] }
                var offset = kept.count
                for (c, cats) in zip(encodedColumns, categories) {
                    if let k = cats.firstIndex(of: x[r, c]) {
                        out[r * width + offset + k] = 1
                    } else if rejectUnknown {
                        throw ClassicalMLError.invalidHyperparameter(
                            name: "category in column \(c)", value: formatNumber(x[r, c]),
                            requirement: "one seen in training (\(cats.map { formatNumber($0) }.joined(separator: ", "))), or use rejectUnknown: false")
                    }
                    offset += cats.count
                }
            }
            return Matrix(rows: x.rows, columns: width, values: out)
        }
    }
}
