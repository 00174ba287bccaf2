/// All monomials of the features up to a degree, in scikit-learn's order:
/// `1, a, b, a², ab, b²` for two features and degree 2.
///
///     let wide = try PolynomialFeatures(degree: 3).fitTransform(x)
public struct PolynomialFeatures: Transformer, Sendable {
    public var degree: Int
    public var includeBias: Bool

    public init(degree: Int = 2, includeBias: Bool = true) {
        self.degree = degree; self.includeBias = includeBias
    }

    public func fit(_ x: Matrix) throws -> Fitted {
        try Check.parameter(degree >= 1, "degree", degree, "at least 1")
        try Check.features(x)
        var terms: [[Int]] = includeBias ? [[]] : []
        var previous: [[Int]] = [[]]
        for _ in 1...degree {
            var next: [[Int]] = []
            for term in previous {
                for f in (term.last ?? 0)..<x.columns { next.append(term + [f]) }
            }
            terms += next
            previous = next
        }
        return Fitted(featureCount: x.columns, terms: terms)
    }

    public struct Fitted: FittedTransformer, Sendable {
        public let featureCount: Int
        /// Every output column as the list of input features multiplied together.
        public let terms: [[Int]]

        /// Names of the output columns, such as `a^2` or `a b`.
        public func outputNames(_ inputNames: [String]) -> [String] {
            terms.map { term in
                if term.isEmpty { return "1" }
                var parts: [String] = []
                var i = 0
                while i < term.count {
                    var power = 1
                    while i + power < term.count && term[i + power] == term[i] { power += 1 }
                    parts.append(power == 1 ? inputNames[term[i]] : "\(inputNames[term[i]])^\(power)")
                    i += power
                }
                return parts.joined(separator: " ")
            }
        }

        public func transform(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            var out = [Double]()
            out.reserveCapacity(x.rows * terms.count)
            for r in 0..<x.rows {
                for term in terms { out.append(term.reduce(1.0) { $0 * x[r, $1] }) }
            }
            return Matrix(rows: x.rows, columns: terms.count, values: out)
        }
    }
}
