import NumericCore
import Foundation

/// Named numbers per feature — linear coefficients or feature importances — that print as a
/// table sorted by magnitude.
///
///     print(fitted.coefficients(featureNames: data.featureNames))
///     //   petal width (cm)   -2.81
///     //   petal length (cm)  -2.37 …
public struct FeatureWeights: Sendable, CustomStringConvertible {
    public let names: [String]
    public let values: [Double]
    public let title: String

    public init(names: [String], values: [Double], title: String) {
        engineRequire(names.count == values.count, "FeatureWeights: \(names.count) names for \(values.count) values")
        self.names = names; self.values = values; self.title = title
    }

    /// The value of a named feature.
    public subscript(name: String) -> Double? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// Pairs sorted by descending magnitude.
    public var ranked: [(name: String, value: Double)] {
        zip(names, values).sorted { abs($0.1) > abs($1.1) }.map { (name: $0.0, value: $0.1) }
    }

    public var description: String {
        let width = (names.map(\.count).max() ?? 0) + 2
        let rows = ranked.map { pair in
            "  " + pair.name + String(repeating: " ", count: width - pair.name.count) + String(format: "% .4f", pair.value)
        }
        return ([title] + rows).joined(separator: "\n")
    }
}

/// Checks that names match a feature count, or makes `x0, x1, …` names.
func featureNames(_ names: [String]?, count: Int) -> [String] {
    guard let names, names.count == count else { return (0..<count).map { "x\($0)" } }
    return names
}
