import PrimerMarkup

/// Text placed in HTML: the site's pages and the JUnit report.
public enum HTMLText {
    ///     HTMLText.escape("<b>")   // "&lt;b&gt;"
    public static func escape(_ text: String) -> String { text.xmlEscaped }
}
