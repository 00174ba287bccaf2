import Foundation

/// Renders a chapter's prose as HTML: headings with anchors, lists, tables, code listings
/// (Swift ones highlighted), and formulas as MathML. Every piece of text is escaped; raw HTML
/// from the chapter is shown as text unless the book allows it.
///
///     var prose = HTMLProse(allowRawHTML: false)
///     let html = prose.render(blocks)
public struct HTMLProse {
    public var allowRawHTML: Bool
    /// Primer's words on the page (anchor labels, diagram notes), in the book's language.
    public var strings: any UIStringTable
    /// Heading anchors already used on this page, to keep ids unique.
    private var usedIDs: Set<String> = []
    /// The headings met so far: level, id and text, for the page outline.
    public private(set) var outline: [(level: Int, id: String, text: String)] = []
    /// Formula problems met while rendering, with the chapter line, for warnings.
    public private(set) var mathProblems: [(line: Int, message: String)] = []
    private var currentLine = 0

    public init(allowRawHTML: Bool, language: UILanguage = .en) {
        self.allowRawHTML = allowRawHTML
        strings = language.strings
    }

    public mutating func render(_ blocks: [Block]) -> String {
        blocks.map { render($0) }.joined(separator: "\n")
    }

    public mutating func render(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines, let line):
            currentLine = line
            return "<p>\(render(inlines))</p>"
        case .heading(let level, let inlines, let line):
            currentLine = line
            let text = inlines.plainText
            let id = uniqueID(for: text)
            outline.append((level, id, text))
            return "<h\(level) id=\"\(id)\">\(render(inlines))<a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(HTMLText.escape(strings.text(.linkToSection)))\">#</a></h\(level)>"
        case .blockQuote(let blocks):
            return "<blockquote>\n\(render(blocks))\n</blockquote>"
        case .list(let style, let items):
            let tag = style.ordered ? "ol" : "ul"
            let start = style.ordered && style.start != 1 ? " start=\"\(style.start)\"" : ""
            let body = items.map { item -> String in
                if style.tight, item.count == 1, case .paragraph(let inlines, _) = item[0] { return "<li>\(render(inlines))</li>" }
                return "<li>\(render(item))</li>"
            }.joined(separator: "\n")
            return "<\(tag)\(start)>\n\(body)\n</\(tag)>"
        case .codeBlock(let info, let code, _, _):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language == "mermaid" { return DiagramRendering.html(mermaid: code, strings: strings) }
            let body = language == "swift" ? HTMLCode.highlighted(code) : HTMLText.escape(code)
            let cls = language.isEmpty ? "" : " class=\"language-\(HTMLText.escape(language))\""
            return "<pre class=\"listing\"><code\(cls)>\(body)</code></pre>"
        case .html(let html, _):
            return allowRawHTML ? html : "<pre class=\"raw-html\">\(HTMLText.escape(html))</pre>"
        case .thematicBreak:
            return "<hr>"
        case .table(let table, let line):
            currentLine = line
            return renderTable(table)
        case .displayMath(let latex, let line):
            currentLine = line
            return "<div class=\"math-display\">\(math(latex, display: true))</div>"
        }
    }

    public mutating func render(_ inlines: [Inline]) -> String {
        inlines.map { render($0) }.joined()
    }

    mutating func render(_ inline: Inline) -> String {
        switch inline {
        case .text(let s): return HTMLText.escape(s)
        case .emphasis(let c): return "<em>\(render(c))</em>"
        case .strong(let c): return "<strong>\(render(c))</strong>"
        case .code(let s): return "<code>\(HTMLText.escape(s))</code>"
        case .link(let url, let title, let c):
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLText.escape(title))\""
            return "<a href=\"\(HTMLText.escape(Self.safeURL(url)))\"\(titleAttribute)>\(render(c))</a>"
        case .image(let url, let title, let alt):
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLText.escape(title))\""
            return "<img src=\"\(HTMLText.escape(Self.safeURL(url)))\" alt=\"\(HTMLText.escape(alt.plainText))\"\(titleAttribute)>"
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .html(let s): return allowRawHTML ? s : HTMLText.escape(s)
        case .math(let latex, let display): return math(latex, display: display)
        case .value: return "…"   // unresolved: see `Chapter.resolvingInlineValues`
        }
    }

    private mutating func math(_ latex: String, display: Bool) -> String {
        switch MathRendering.mathML(latex, display: display) {
        case .success(let html): return html
        case .failure(let message):
            mathProblems.append((currentLine, message))
            return "<code class=\"math-error\" title=\"\(HTMLText.escape(message))\">\(HTMLText.escape(latex))</code>"
        }
    }

    private mutating func renderTable(_ table: MarkdownTable) -> String {
        func align(_ i: Int) -> String {
            guard i < table.alignments.count else { return "" }
            switch table.alignments[i] {
            case .left: return " style=\"text-align:left\""
            case .right: return " style=\"text-align:right\""
            case .center: return " style=\"text-align:center\""
            case .none: return ""
            }
        }
        var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (i, cell) in table.header.enumerated() { out += "<th\(align(i))>\(render(cell))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.enumerated().map { "<td\(align($0.offset))>\(render($0.element))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div>"
    }

    private mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var id = base, n = 1
        while usedIDs.contains(id) { n += 1; id = "\(base)-\(n)" }
        usedIDs.insert(id)
        return id
    }

    /// `Two stacks, one problem` → `two-stacks-one-problem`; non-Latin letters are kept.
    public static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "section" : out
    }

    /// Links with a script scheme are neutralised; links to other chapters (`x.md`, `x.md#s`)
    /// point at their pages.
    static func safeURL(_ url: String) -> String {
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("data:text/html") { return "#" }
        if !url.contains("://") {
            let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            if let file = parts.first, file.hasSuffix(".md") {
                let page = (String(file) as NSString).lastPathComponent.dropLast(3) + ".html"
                return parts.count == 2 ? page + "#" + parts[1] : String(page)
            }
        }
        return url
    }
}

/// Swift source as highlighted HTML spans.
public enum HTMLCode {
    public static func highlighted(_ source: String) -> String {
        SwiftHighlighter.tokens(source).map { token in
            token.kind == .plain ? HTMLText.escape(token.text)
                : "<span class=\"tok-\(token.kind.rawValue)\">\(HTMLText.escape(token.text))</span>"
        }.joined()
    }
}
