import PrimerMarkup
import Foundation

/// Headers and rows of text, drawn with box-drawing borders in the terminal (wide East Asian
/// characters counted as two columns) and as an HTML `<table>` on the site.
///
///     let table = Table(headers: ["model", "准确率"], rows: [["k-NN", "0.94"], ["CNN", "0.99"]])
///     print(table.renderText(width: 80, color: false))
///     let markup = table.html()
public struct Table: Codable, Equatable, Sendable {
    public enum Alignment: String, Codable, Sendable { case left, right, center }

    public var title: String
    public var headers: [String]
    public var rows: [[String]]
    /// One alignment per column; nil right-aligns columns whose cells are all numbers.
    public var alignments: [Alignment]?

    public init(title: String = "", headers: [String], rows: [[String]], alignments: [Alignment]? = nil) {
        self.title = title
        self.headers = headers
        self.rows = rows
        self.alignments = alignments
    }

    var columnCount: Int { max(headers.count, rows.map(\.count).max() ?? 0) }

    func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }

    /// The alignment of each column, given or inferred.
    var resolvedAlignments: [Alignment] {
        (0..<columnCount).map { column in
            if let alignments, column < alignments.count { return alignments[column] }
            let cells = rows.map { cell($0, column).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(Table.looksNumeric) ? .right : .left
        }
    }

    static func looksNumeric(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        return Double(body.replacingOccurrences(of: ",", with: "")) != nil
    }
}

extension Table: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        let columns = columnCount
        guard columns > 0 else { return TextPlaceholder.noData(title: title, width: width) }
        let alignments = resolvedAlignments
        var widths = (0..<columns).map { column in
            ([cell(headers, column)] + rows.map { cell($0, column) }).map(displayWidth).max() ?? 0
        }
        let frameWidth = 3 * columns + 1
        while widths.reduce(0, +) + frameWidth > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
              widths[widest] > 1 {
            widths[widest] -= 1
        }
        let total = widths.reduce(0, +) + frameWidth
        var canvas = TextCanvas(width: width, height: 0)
        var line = 0
        func rule(_ left: String, _ middle: String, _ right: String) {
            canvas.appendRows(1)
            let text = left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
            canvas.write(text, x: 0, y: line, style: color ? .colored(244) : .plain)
            line += 1
        }
        func row(_ cells: [String], bold: Bool) {
            canvas.appendRows(1)
            var x = 0
            for column in 0..<columns {
                canvas.write("│", x: x, y: line, style: color ? .colored(244) : .plain)
                canvas.write(cell(cells, column).padded(toWidth: widths[column], alignment: alignments[column]),
                             x: x + 2, y: line, style: TextStyle(bold: bold && color))
                x += widths[column] + 3
            }
            canvas.write("│", x: x, y: line, style: color ? .colored(244) : .plain)
            line += 1
        }
        canvas.appendCentered(title, span: min(width, total), style: TextStyle(bold: true))
        line = canvas.height
        rule("┌", "┬", "┐")
        if !headers.isEmpty {
            row(headers, bold: true)
            rule("├", "┼", "┤")
        }
        for cells in rows { row(cells, bold: false) }
        rule("└", "┴", "┘")
        return canvas.render(color: color)
    }

    /// The table as an HTML `<table>` with escaped cells and alignment classes.
    public func html() -> String {
        let alignments = resolvedAlignments
        func cells(_ row: [String], tag: String) -> String {
            (0..<columnCount).map { column in
                let alignment = alignments[column] == .left ? "" : " class=\"align-\(alignments[column].rawValue)\""
                return "<\(tag)\(alignment)>\(cell(row, column).xmlEscaped)</\(tag)>"
            }.joined()
        }
        var parts = ["<table class=\"primer-table\">"]
        if !title.isEmpty { parts.append("<caption>\(title.xmlEscaped)</caption>") }
        if !headers.isEmpty { parts.append("<thead><tr>\(cells(headers, tag: "th"))</tr></thead>") }
        parts.append("<tbody>")
        parts += rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }
        parts.append("</tbody></table>")
        return parts.joined(separator: "\n")
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        let columns = columnCount
        guard columns > 0 else { return SVGPlotFrame.noData(kind: "table", title: title, embedStylesheet: embedStylesheet) }
        let alignments = resolvedAlignments
        let widths = (0..<columns).map { column in
            Double(([cell(headers, column)] + rows.map { cell($0, column) }).map(displayWidth).max() ?? 0) * 7.2 + 20
        }
        let rowHeight = 24.0
        let top = title.isEmpty ? 2.0 : 32.0
        let allRows = (headers.isEmpty ? [] : [headers]) + rows
        let totalWidth = widths.reduce(0, +) + 4
        var svg = SVGWriter(width: totalWidth, height: top + rowHeight * Double(allRows.count) + 2, kind: "table", label: title)
        if !title.isEmpty { svg.text(title, x: totalWidth / 2, y: 20, anchor: .middle, classes: "title") }
        for (index, cells) in allRows.enumerated() {
            let y = top + Double(index) * rowHeight
            var x = 2.0
            for column in 0..<columns {
                let (position, anchor): (Double, SVGWriter.Anchor) = switch alignments[column] {
                case .left: (x + 10, .start)
                case .right: (x + widths[column] - 10, .end)
                case .center: (x + widths[column] / 2, .middle)
                }
                svg.text(cell(cells, column), x: position, y: y + 16, anchor: anchor,
                         classes: index == 0 && !headers.isEmpty ? "header" : "label")
                x += widths[column]
            }
            svg.line(x1: 2, y1: y + rowHeight, x2: totalWidth - 2, y2: y + rowHeight,
                     classes: index == 0 && !headers.isEmpty ? "axis" : "cell-line")
        }
        return svg.finish(embedStylesheet: embedStylesheet)
    }
}
