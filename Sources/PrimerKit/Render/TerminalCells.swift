import Foundation
import PrimerFigures
import PrimerWire

/// Draws cells, their outputs and their failures in a terminal.
public struct TerminalCells {
    public var style: TerminalStyle
    public var richText: RichOutputText
    /// Primer's words, in the reader's language (the `path:line:col: error:` prefix stays as
    /// editors parse it).
    public var strings: any UIStringTable

    public init(style: TerminalStyle, language: UILanguage = .en) {
        self.style = style
        strings = language.strings
        richText = RichOutputText(width: style.width, color: style.color)
    }

    /// The cell's source with line numbers and syntax colour, under a header naming its place
    /// (`place` instead of `path:line`, such as "your version · cell-4.swift").
    public func source(_ cell: Cell, chapterPath: String, place: String? = nil) -> String {
        let tags = cell.options.tags
        let title = " \(strings.cellLabel(cell.index + 1)) · \(place ?? "\(chapterPath):\(cell.fenceLine)")" + (tags.isEmpty ? " " : " · " + tags.joined(separator: " ") + " ")
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

    /// One output item as terminal text (ending without a newline). What the cell printed
    /// keeps its colours and loses every other control sequence (`TerminalSafeText`).
    public func output(_ item: CellOutput) -> String {
        switch item {
        case .stdout(let text): return safe(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        case .stderr(let text): return style.red(safe(text.hasSuffix("\n") ? String(text.dropLast()) : text))
        case .note(let text): return style.yellow("⚠ " + text)
        case .rich(let output): return safe(richText.render(output))
        }
    }

    /// Text that came from a cell, safe for the terminal.
    func safe(_ text: String) -> String { TerminalSafeText.neutralising(text, colour: style.color) }

    /// All of a cell's outputs; progress reports collapse to the last one of each task.
    public func outputs(_ items: [CellOutput]) -> String {
        items.collapsingProgress.map(output).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A failure as `path:line:col: error: message` plus details.
    public func failure(_ failure: CellFailure, chapterPath: String, expected: Bool = false) -> String {
        let head = "\(chapterPath):\(failure.line):\(failure.column): "
        if expected {
            return style.dim(head + "\(strings.text(.failedAsExpected)) (\(failure.kind.rawValue)): \(safe(failure.message))")
        }
        let lines = [style.bold(head) + style.red("error: ") + style.bold("\(failure.kind.rawValue): \(safe(failure.message))")]
            + failure.details.map { "    " + safe($0) }
        return lines.joined(separator: "\n")
    }

    /// A one-line status after a cell's outputs.
    public func status(_ result: CellResult, chapterPath: String) -> String? {
        switch result.status {
        case .passed, .skipped: return nil
        case .notRun(let reason): return style.dim("(\(strings.text(.notRun))\(reason.isEmpty ? "" : ": " + reason))")
        case .failedAsExpected(let f): return failure(f, chapterPath: chapterPath, expected: true)
        case .failed(let f): return failure(f, chapterPath: chapterPath)
        }
    }
}

/// Rich outputs (figures, math, progress, text) as terminal text.
public struct RichOutputText {
    public var width: Int
    public var color: Bool

    public func render(_ output: RichOutput) -> String {
        switch output {
        case .math(let latex): return "    " + MathRendering.unicode(latex)
        case .text(let text): return text
        case .progress(let progress): return progress.line(width: width)
        case .figure(let figure): return figure.renderText(width: width, color: color)
        case .unknown: return output.unknownNote ?? ""
        }
    }
}
