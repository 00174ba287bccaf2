import Foundation
import PrimerFigures
import PrimerWire

/// Draws cells, their outputs and their failures in a terminal.
public struct TerminalCells {
    public var style: TerminalStyle
    public var richText: RichOutputText

    public init(style: TerminalStyle) {
        self.style = style
        richText = RichOutputText(width: style.width, color: style.color)
    }

    /// The cell's source with line numbers and syntax colour, under a header naming its place.
    public func source(_ cell: Cell, chapterPath: String) -> String {
        var tags: [String] = []
        if cell.options.norun { tags.append("norun") }
        if cell.options.expectError { tags.append("expect-error") }
        if let t = cell.options.timeout { tags.append("timeout=\(ChapterRunner.seconds(t))") }
        let title = " cell \(cell.index + 1) · \(chapterPath):\(cell.fenceLine)" + (tags.isEmpty ? " " : " · " + tags.joined(separator: " ") + " ")
        let header = style.dim("──" + title + String(repeating: "─", count: max(2, style.width - TextWidth.of(title) - 2)))
        let code = highlighted(cell.source)
        let gutterWidth = String(cell.codeLines.upperBound).count
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.prefix(cell.codeLines.count).enumerated().map { offset, line in
            style.dim(TextWidth.pad(String(cell.codeLine + offset), to: gutterWidth, alignRight: true) + " │ ") + line
        }
        return ([header] + body).joined(separator: "\n")
    }

    func highlighted(_ source: String) -> String {
        guard style.color else { return source }
        return SwiftHighlighter.tokens(source).map { token -> String in
            // Colour each line of a token separately, so that line splitting keeps the colours.
            let paint: (String) -> String
            switch token.kind {
            case .keyword: paint = style.magenta
            case .type: paint = style.cyan
            case .string: paint = style.green
            case .number: paint = style.yellow
            case .comment: paint = style.dim
            case .attribute, .directive: paint = style.blue
            case .plain: return token.text
            }
            return token.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : paint(String($0)) }.joined(separator: "\n")
        }.joined()
    }

    /// One output item as terminal text (ending without a newline).
    public func output(_ item: CellOutput) -> String {
        switch item {
        case .stdout(let text): return text.hasSuffix("\n") ? String(text.dropLast()) : text
        case .stderr(let text): return style.red(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        case .note(let text): return style.yellow("⚠ " + text)
        case .rich(let kind, let payload): return richText.render(kind: kind, payload: payload)
        }
    }

    /// All of a cell's outputs; progress reports collapse to the last one of each task.
    public func outputs(_ items: [CellOutput]) -> String {
        RichOutputText.collapsingProgress(items).map(output).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A failure as `path:line:col: error: message` plus details.
    public func failure(_ failure: CellFailure, chapterPath: String, expected: Bool = false) -> String {
        let head = "\(chapterPath):\(failure.line):\(failure.column): "
        if expected {
            return style.dim(head + "failed as expected (\(failure.kind.rawValue)): \(failure.message)")
        }
        let lines = [style.bold(head) + style.red("error: ") + style.bold("\(failure.kind.rawValue): \(failure.message)")]
            + failure.details.map { "    " + $0 }
        return lines.joined(separator: "\n")
    }

    /// A one-line status after a cell's outputs.
    public func status(_ result: CellResult, chapterPath: String) -> String? {
        switch result.status {
        case .passed, .skipped: return nil
        case .notRun(let reason): return style.dim("(not run\(reason.isEmpty ? "" : ": " + reason))")
        case .failedAsExpected(let f): return failure(f, chapterPath: chapterPath, expected: true)
        case .failed(let f): return failure(f, chapterPath: chapterPath)
        }
    }
}

/// Rich outputs (figures, math, progress, text) as terminal text.
public struct RichOutputText {
    public var width: Int
    public var color: Bool

    public func render(kind: String, payload: Data) -> String {
        switch kind {
        case RichKind.math:
            return "    " + MathRendering.unicode(String(decoding: payload, as: UTF8.self))
        case RichKind.text:
            return String(decoding: payload, as: UTF8.self)
        case RichKind.progress:
            guard let progress = try? JSONDecoder().decode(ProgressPayload.self, from: payload) else { return "" }
            return progress.line(width: width)
        case RichKind.figure:
            return FigureRendering.text(payload, width: width, color: color)
        default:
            return "[\(kind) output]"
        }
    }

    /// Keeps only the last progress report of each task, where the first one stood.
    static func collapsingProgress(_ items: [CellOutput]) -> [CellOutput] {
        var lastIndex: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            if case .rich(RichKind.progress, let payload) = item, let p = try? JSONDecoder().decode(ProgressPayload.self, from: payload) {
                lastIndex[p.task] = i
            }
        }
        var placed: Set<String> = []
        var result: [CellOutput] = []
        for item in items {
            if case .rich(RichKind.progress, let payload) = item, let p = try? JSONDecoder().decode(ProgressPayload.self, from: payload) {
                if placed.insert(p.task).inserted, let last = lastIndex[p.task] { result.append(items[last]) }
                continue
            }
            result.append(item)
        }
        return result
    }
}

/// The bridge to the figures module: decodes a figure payload and draws it.
public enum FigureRendering {
    static func decode(_ payload: Data) -> Figure? {
        try? JSONDecoder().decode(Figure.self, from: payload)
    }

    public static func text(_ payload: Data, width: Int, color: Bool) -> String {
        guard let figure = decode(payload) else { return "(a figure this version of Primer cannot read)" }
        return figure.renderText(width: width, color: color)
    }

}

/// Mermaid flowcharts in prose, drawn offline: SVG on the page, boxes and arrows in a terminal.
public enum DiagramRendering {
    public static func html(mermaid source: String) -> String {
        do {
            let figure = Figure.diagram(try Diagram(mermaid: source))
            let text = HTMLText.escape(figure.renderText(width: 100, color: false))
            return "<figure class=\"figure figure-both diagram\"><div class=\"figure-views\"><div class=\"figure-svg\">\(figure.renderSVG())</div><pre class=\"figure-text\">\(text)</pre></div><button type=\"button\" class=\"figure-toggle\" hidden>Show as text</button></figure>"
        } catch {
            return "<pre class=\"listing\"><code class=\"language-mermaid\">\(HTMLText.escape(source))</code></pre><p class=\"note\">\(HTMLText.escape("This diagram could not be drawn: \(error)"))</p>"
        }
    }

    public static func text(mermaid source: String, width: Int, color: Bool) -> String? {
        guard let diagram = try? Diagram(mermaid: source) else { return nil }
        return Figure.diagram(diagram).renderText(width: width, color: color)
    }
}
