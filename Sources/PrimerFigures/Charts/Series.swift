/// One named line of a `LineChart`: y values, with x values defaulting to 0, 1, 2, …
/// Non-finite values leave a gap in the line.
///
///     Series("train", [0.9, 0.5, 0.31])
///     Series("validation", x: [1, 2, 3], y: [0.95, 0.6, 0.42])
public struct Series: Codable, Equatable, Sendable {
    public var name: String
    @FiniteValuesCoding public var x: [Double]
    @FiniteValuesCoding public var y: [Double]

    public init(_ name: String, _ y: [Double]) {
        self.name = name
        self.x = y.indices.map(Double.init)
        self.y = y
    }

    /// A series from `Float` (or any floating-point) values, as the engines produce them.
    public init<Value: BinaryFloatingPoint>(_ name: String, _ y: [Value]) {
        self.init(name, y.map { Double($0) })
    }

    public init(_ name: String, x: [Double], y: [Double]) {
        self.name = name
        self.x = x
        self.y = y
    }

    /// The (x, y) pairs in order, nil where either coordinate is not finite (a gap).
    var points: [(x: Double, y: Double)?] {
        zip(x, y).map { $0.isFinite && $1.isFinite ? (x: $0, y: $1) : nil }
    }

    var finitePoints: [(x: Double, y: Double)] { points.compactMap { $0 } }
}

/// Lets a chart list its series in a block, with `if` and `for`.
///
///     LineChart(title: "Loss") {
///         Series("train", trainLoss)
///         if showValidation { Series("validation", validationLoss) }
///     }
@resultBuilder
public enum SeriesBuilder {
    public static func buildExpression(_ series: Series) -> [Series] { [series] }
    public static func buildExpression(_ series: [Series]) -> [Series] { series }
    public static func buildBlock(_ parts: [Series]...) -> [Series] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Series]?) -> [Series] { part ?? [] }
    public static func buildEither(first part: [Series]) -> [Series] { part }
    public static func buildEither(second part: [Series]) -> [Series] { part }
    public static func buildArray(_ parts: [[Series]]) -> [Series] { parts.flatMap { $0 } }
}
