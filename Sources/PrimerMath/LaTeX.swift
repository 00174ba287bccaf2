/// Entry points: LaTeX math source to a tree, to MathML, to Unicode text, or to visible
/// fallback HTML when it cannot be read.
///
/// ```swift
/// let html = try LaTeX.toMathML(#"\sigma(z) = \frac{1}{1 + e^{-z}}"#, display: true)
/// let text = try LaTeX.toUnicode(#"\sigma(z) = \frac{1}{1 + e^{-z}}"#)   // "σ(z) = 1/(1 + e⁻ᶻ)"
/// let shown = LaTeX.fallbackHTML(source: #"\foo"#, error: error)          // <code class="math-error" …>
/// ```
///
/// Supported: see `Sources/PrimerMath/README.md` for the full list (fractions, scripts and
/// primes, Greek, `\mathbb` and other alphabets, large operators and function names with
/// limits, roots, `\left…\right`, `\big`-family, matrices, `cases`, `aligned`/`align*`/`array`,
/// accents, relations, arrows, dots, spaces, `\text`, `\operatorname`, `\mathop`, `\limits`,
/// `\displaystyle`, `\boldsymbol`). Anything else throws `MathError`.
public enum LaTeX {
    /// Parses a formula (without its `$` delimiters).
    public static func parse(_ source: String) throws -> MathNode {
        var parser = try Parser(source)
        return try parser.parseFormula()
    }

    /// A `<math>` element for the formula; `display` for block (`$$…$$`) formulas.
    public static func toMathML(_ source: String, display: Bool) throws -> String {
        try parse(source).mathML(display: display)
    }

    /// One line of readable Unicode text for the formula.
    public static func toUnicode(_ source: String) throws -> String {
        try parse(source).unicode()
    }

    /// The source shown visibly as an error: escaped, in `<code class="math-error">`, with the
    /// error (if any) as its tooltip. Use it where `toMathML` threw.
    public static func fallbackHTML(source: String, error: Error? = nil) -> String {
        let title = error.map { " title=\"\(String(describing: $0).xmlEscaped)\"" } ?? ""
        return "<code class=\"math-error\"\(title)>\(source.xmlEscaped)</code>"
    }
}
