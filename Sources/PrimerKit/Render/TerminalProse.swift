/// Renders a chapter's prose for a terminal: headings, wrapped paragraphs with emphasis,
/// lists, quotes, code listings, tables and formulas as readable text.
///
///     let text = TerminalProse(style: .detect()).render(blocks)
public struct TerminalProse {
    public var style: TerminalStyle
    /// Turns LaTeX into readable Unicode (set by the math module; identity when absent).
    public var mathText: (String) -> String
    /// A display formula's lines (`aligned` rows each on their own line).
    public var displayMathLines: (String) -> [String] = MathRendering.unicodeLines

    public init(style: TerminalStyle, mathText: @escaping (String) -> String = MathRendering.unicode) {
        self.style = style; self.mathText = mathText
    }

    public func render(_ blocks: [Block], indent: String = "") -> String {
        blocks.map { render($0, indent: indent) }.joined(separator: "\n")
    }

    public func render(_ block: Block, indent: String = "") -> String {
        let width = max(20, style.width - TextWidth.of(indent))
        switch block {
        case .paragraph(let inlines, _):
            return wrap(words(inlines), width: width, indent: indent) + "\n"
        case .heading(let level, let inlines, _):
            let text = inlines.map(inlineText).joined()
            switch level {
            case 1:
                let rule = String(repeating: "═", count: min(width, TextWidth.of(text)))
                return "\n" + indent + style.bold(text) + "\n" + indent + style.dim(rule) + "\n"
            case 2:
                let rule = String(repeating: "─", count: min(width, TextWidth.of(text)))
                return "\n" + indent + style.bold(text) + "\n" + indent + style.dim(rule) + "\n"
            default:
                return "\n" + indent + style.bold(String(repeating: "#", count: level) + " " + text) + "\n"
            }
        case .blockQuote(let blocks):
            return render(blocks, indent: indent + style.dim("│ "))
        case .list(let listStyle, let items):
            var out = ""
            for (n, item) in items.enumerated() {
                let bullet = listStyle.ordered ? "\(listStyle.start + n). " : "• "
                let body = render(item, indent: indent + String(repeating: " ", count: TextWidth.of(bullet)))
                var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    lines[first] = indent + bullet + lines[first].dropFirst(indent.count + bullet.count)
                }
                out += lines.joined(separator: "\n")
                if !listStyle.tight { out += "\n" }
            }
            return out
        case .codeBlock(let info, let code, _, _):
            if info.split(separator: " ").first == "mermaid", let drawn = DiagramRendering.text(mermaid: code, width: width, color: style.color) {
                return drawn.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n") + "\n"
            }
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false).dropLast(code.hasSuffix("\n") ? 1 : 0)
            return lines.map { indent + "    " + style.dim(String($0)) }.joined(separator: "\n") + "\n"
        case .html(let html, _):
            return indent + style.dim(html.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n"
        case .thematicBreak:
            return indent + style.dim(String(repeating: "─", count: min(width, 40))) + "\n"
        case .table(let table, _):
            return renderTable(table, indent: indent)
        case .displayMath(let latex, _):
            return "\n" + displayMathLines(latex).map { indent + "    " + $0 }.joined(separator: "\n") + "\n"
        }
    }

    /// Inline content as styled text (no wrapping).
    func inlineText(_ inline: Inline) -> String {
        switch inline {
        case .text(let s): return s
        case .emphasis(let c): return style.italic(c.map(inlineText).joined())
        case .strong(let c): return style.bold(c.map(inlineText).joined())
        case .code(let s): return style.cyan(s)
        case .link(let url, _, let c):
            let label = c.map(inlineText).joined()
            return style.underline(label) + (url == c.plainText || url.hasPrefix("#") ? "" : style.dim(" (\(url))"))
        case .image(let url, _, let alt): return style.dim("[image: \(alt.plainText)](\(url))")
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .html(let s): return style.dim(s)
        case .math(let latex, _): return mathText(latex)
        case .value: return style.dim("…")   // unresolved: see `Chapter.resolvingInlineValues`
        }
    }

    /// The paragraph's words: text split at spaces (and between wide characters), styled
    /// pieces kept whole; line breaks kept.
    private func words(_ inlines: [Inline]) -> ProseWords {
        var words = ProseWords()
        for inline in inlines {
            switch inline {
            case .text(let s): words.add(text: s)
            case .softBreak: words.addSoftBreak()
            case .lineBreak: words.addLineBreak()
            default: words.add(unbroken: inlineText(inline))
            }
        }
        return words
    }

    private func wrap(_ words: ProseWords, width: Int, indent: String) -> String {
        words.wrapped(width: width).map { indent + $0 }.joined(separator: "\n")
    }

    private func renderTable(_ table: MarkdownTable, indent: String) -> String {
        let header = table.header.map { $0.map(inlineText).joined() }
        let rows = table.rows.map { $0.map { $0.map(inlineText).joined() } }
        var widths = header.map(TextWidth.of)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], TextWidth.of(cell)) } }
        func line(_ cells: [String], bold: Bool) -> String {
            let padded = cells.enumerated().map { i, cell -> String in
                let alignment = i < table.alignments.count ? table.alignments[i] : .none
                let text = TextWidth.pad(cell, to: widths[i], alignRight: alignment == .right, center: alignment == .center)
                return bold ? style.bold(text) : text
            }
            return indent + padded.joined(separator: "  ")
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header, bold: true), style.dim(rule)] + rows.map { line($0, bold: false) }).joined(separator: "\n") + "\n"
    }
}
