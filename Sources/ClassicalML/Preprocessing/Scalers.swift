/// Standardises every feature to mean 0 and variance 1 (a constant feature is only centred).
///
///     let scaler = try StandardScaler().fit(train.x)
///     let z = try scaler.transform(test.x)
public struct StandardScaler: Transformer, Sendable {
    public var withMean: Bool
    public var withStandardDeviation: Bool

    public init(withMean: Bool = true, withStandardDeviation: Bool = true) {
        self.withMean = withMean; self.withStandardDeviation = withStandardDeviation
    }

    public func fit(_ x: Matrix) throws -> Fitted {
        try Check.features(x)
        let means = withMean ? x.columnMeans : [Double](repeating: 0, count: x.columns)
        let scales = withStandardDeviation ? x.columnStandardDeviations.map { $0 > 0 ? $0 : 1 } : [Double](repeating: 1, count: x.columns)
        return Fitted(means: means, scales: scales)
    }

    public struct Fitted: FittedTransformer, Sendable {
        /// The mean subtracted from every feature.
        public let means: [Double]
        /// The standard deviation every feature is divided by (1 for constant features).
        public let scales: [Double]
        public var featureCount: Int { means.count }

        public func transform(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            return x.mappingColumns { c, v in (v - means[c]) / scales[c] }
        }

        /// Maps standardised values back to the original units.
        public func inverseTransform(_ x: Matrix) -> Matrix {
            x.mappingColumns { c, v in v * scales[c] + means[c] }
        }
    }
}

/// Rescales every feature linearly to a range, `[0, 1]` by default.
///
///     let scaled = try MinMaxScaler().fitTransform(x)
public struct MinMaxScaler: Transformer, Sendable {
    public var range: ClosedRange<Double>

    public init(range: ClosedRange<Double> = 0...1) { self.range = range }

    public func fit(_ x: Matrix) throws -> Fitted {
        try Check.features(x)
        return Fitted(minimums: x.columnMinimums, maximums: x.columnMaximums, range: range)
    }

    public struct Fitted: FittedTransformer, Sendable {
        public let minimums: [Double]
        public let maximums: [Double]
        public let range: ClosedRange<Double>
        public var featureCount: Int { minimums.count }

        public func transform(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            let width = range.upperBound - range.lowerBound
            return x.mappingColumns { c, v in
                let span = maximums[c] - minimums[c]
                return range.lowerBound + width * (span > 0 ? (v - minimums[c]) / span : 0)
            }
        }
    }
}

extension Matrix {
    /// A matrix of the same shape with every value replaced by `transform(column, value)`.
    func mappingColumns(_ transform: (Int, Double) -> Double) -> Matrix {
        var out = values
        for r in 0..<rows { for c in 0..<columns { out[r * columns + c] = transform(c, out[r * columns + c]) } }
        return Matrix(rows: rows, columns: columns, values: out)
    }
}
