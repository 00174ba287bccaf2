import PrimerMarkup
import Foundation

/// Builds one self-contained `<svg>` element: shapes carry `class` attributes styled by
/// `PrimerFigures.svgStylesheet`, all text is XML-escaped, numbers are short.
///
///     var svg = SVGWriter(width: 200, height: 100, kind: "bar-chart")
///     svg.rect(x: 10, y: 10, width: 50, height: 20, classes: "bar s0")
///     svg.text("a < b", x: 10, y: 50)
///     let markup = svg.finish()
struct SVGWriter {
    enum Anchor: String { case start, middle, end }

    let width: Double
    let height: Double
    private var body: [String] = []
    private let kind: String
    private let label: String

    init(width: Double, height: Double, kind: String, label: String = "") {
        self.width = width
        self.height = height
        self.kind = kind
        self.label = label
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, classes: String,
                       extra: String = "") {
        body.append("<rect class=\"\(classes)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\"\(extra)/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, classes: String) {
        body.append("<line class=\"\(classes)\" x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>")
    }

    mutating func polyline(_ points: [(Double, Double)], classes: String) {
        guard points.count > 1 else { return }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body.append("<polyline class=\"\(classes)\" points=\"\(list)\"/>")
    }

    mutating func polygon(_ points: [(Double, Double)], classes: String) {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body.append("<polygon class=\"\(classes)\" points=\"\(list)\"/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, classes: String) {
        body.append("<circle class=\"\(classes)\" cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\"/>")
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start,
                       classes: String = "label", rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" : ""
        body.append("<text class=\"\(classes)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor.rawValue)\"\(transform)>\(content.xmlEscaped)</text>")
    }

    /// Embeds a PNG as a `data:` URI, drawn with hard pixel edges when scaled up.
    mutating func image(x: Double, y: Double, width: Double, height: Double, png: Data, classes: String) {
        body.append("<image class=\"\(classes)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" href=\"data:image/png;base64,\(png.base64EncodedString())\"/>")
    }

    /// A path from SVG path data (built from numbers only, so nothing to escape).
    mutating func path(_ data: String, classes: String) {
        body.append("<path class=\"\(classes)\" d=\"\(data)\"/>")
    }

    /// The finished element; `embedStylesheet` adds a `<style>` so the file stands alone.
    func finish(embedStylesheet: Bool = false) -> String {
        var head = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"primer-figure primer-\(kind)\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\""
        if !label.isEmpty { head += " aria-label=\"\(label.xmlEscaped)\"" }
        head += ">"
        var parts = [head]
        if !label.isEmpty { parts.append("<title>\(label.xmlEscaped)</title>") }
        if embedStylesheet { parts.append("<style>\(PrimerFigures.svgStylesheet)</style>") }
        parts += body
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func n(_ value: Double) -> String { SVGWriter.coordinate(value) }

    /// A coordinate with at most two decimals and no trailing zeros.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return NumberFormat.compact((value * 100).rounded() / 100, significant: 12)
    }
}
