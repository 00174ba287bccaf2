/// The bridge to the math module: LaTeX to readable Unicode (terminal) and to MathML (page).
public enum MathRendering {
    public static func unicode(_ latex: String) -> String { latex }

    public enum HTMLResult { case success(String), failure(String) }

    public static func mathML(_ latex: String, display: Bool) -> HTMLResult {
        .success("<code class=\"math\">\(HTMLText.escape(latex))</code>")
    }
}
