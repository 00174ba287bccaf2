/// One formula found in Markdown by `MathScanner`.
///
/// ```swift
/// let protected = MathScanner.protect("Energy $E = mc^2$.")
/// protected.formulas[0]   // Formula(latex: "E = mc^2", display: false, line: 1)
/// ```
public struct Formula: Hashable, Sendable {
    /// The LaTeX between the dollars, unchanged.
    public var latex: String
    /// `true` for `$$…$$`.
    public var display: Bool
    /// 1-based line of the opening dollar in the Markdown source.
    public var line: Int

    public init(latex: String, display: Bool, line: Int) {
        self.latex = latex
        self.display = display
        self.line = line
    }
}

/// A piece of a text node after `ProtectedMarkdown.split`: text, or a formula.
public enum Segment: Hashable, Sendable {
    case text(String)
    case math(Formula)
}
