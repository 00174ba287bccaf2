import PrimerMath

/// The bridge to the math module: LaTeX to readable Unicode (terminal) and to MathML (page).
/// A formula that cannot be typeset shows its source, visibly marked, never raw HTML.
public enum MathRendering {
    public static func unicode(_ latex: String) -> String {
        (try? LaTeX.toUnicode(latex)) ?? "⟦\(latex)⟧"
    }

    /// A display formula for the terminal, a line per row of an `aligned`-like formula.
    public static func unicodeLines(_ latex: String) -> [String] {
        (try? LaTeX.toUnicodeLines(latex)) ?? ["⟦\(latex)⟧"]
    }

    public enum HTMLResult { case success(String), failure(String) }

    public static func mathML(_ latex: String, display: Bool) -> HTMLResult {
        do { return .success(try LaTeX.toMathML(latex, display: display)) } catch {
            return .failure("\(error)")
        }
    }
}
