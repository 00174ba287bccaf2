/// Why a formula could not be read, with the 1-based column inside the formula.
///
/// ```swift
/// do { _ = try LaTeX.toMathML(#"\frac{a}"#, display: false) }
/// catch let error as MathError { print(error) }  // "column 9: missing argument for \frac"
/// ```
public struct MathError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public var message: String
    /// 1-based column (in characters) inside the formula where the problem was found.
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "column \(column): \(message)" }
}
