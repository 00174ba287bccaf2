import PrimerMarkup
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

    /// A display formula as terminal lines: `aligned` and its kin one line per row, columns lined up.
    public static func toUnicodeLines(_ source: String) throws -> [String] {
        try parse(source).unicodeLines()
    }

    /// CSS the HTML site should include. Browsers stretch fences and enlarge `∑` only with a
    /// font that has an OpenType MATH table; without one, `\left(` and matrix brackets stay
    /// small. DejaVu Math TeX Gyre (Debian: fonts-dejavu-extra), STIX Two Math and Latin Modern
    /// Math all have one; the site may also ship one of them with `@font-face`.
    public static let stylesheet = """
        math { font-family: "DejaVu Math TeX Gyre", "STIX Two Math", "Latin Modern Math", "Cambria Math", math; }
        math[display="block"] { margin: 0.8em 0; overflow-x: auto; overflow-y: hidden; }
        code.math-error { color: #b00020; background: #fdecee; border-bottom: 1px dotted #b00020; }
        """

    /// The source shown visibly as an error: escaped, in `<code class="math-error">`, with the
    /// error (if any) as its tooltip. Use it where `toMathML` threw.
    public static func fallbackHTML(source: String, error: Error? = nil) -> String {
        let title = error.map { " title=\"\(String(describing: $0).xmlEscaped)\"" } ?? ""
        return "<code class=\"math-error\"\(title)>\(source.xmlEscaped)</code>"
    }
}
