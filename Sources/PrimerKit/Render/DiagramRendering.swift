import PrimerFigures

/// Mermaid flowcharts in prose, drawn offline: SVG on the page, boxes and arrows in a terminal.
///
///     DiagramRendering.text(mermaid: "flowchart LR\n  A --> B", width: 80, color: false)
public enum DiagramRendering {
    public static func html(mermaid source: String, strings: any UIStringTable = UILanguage.en.strings) -> String {
        do {
            let figure = Figure.diagram(try Diagram(mermaid: source))
            let text = HTMLText.escape(figure.renderText(width: 100, color: false))
            return "<figure class=\"figure figure-both diagram\"><div class=\"figure-views\"><div class=\"figure-svg\">\(figure.renderSVG())</div><pre class=\"figure-text\">\(text)</pre></div><button type=\"button\" class=\"figure-toggle\" hidden>\(HTMLText.escape(strings.text(.showAsText)))</button></figure>"
        } catch {
            return "<pre class=\"listing\"><code class=\"language-mermaid\">\(HTMLText.escape(source))</code></pre><p class=\"note\">\(HTMLText.escape(strings.diagramNotDrawn(error: "\(error)")))</p>"
        }
    }

    public static func text(mermaid source: String, width: Int, color: Bool) -> String? {
        guard let diagram = try? Diagram(mermaid: source) else { return nil }
        return Figure.diagram(diagram).renderText(width: width, color: color)
    }
}
