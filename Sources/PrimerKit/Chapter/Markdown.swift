/// A chapter's prose as Swift values: what cmark parsed, with source lines on blocks.
///
/// Built by `CommonMarkParser` (the one file that talks to cmark) and consumed by the
/// renderers. Math found by the math scanner appears as `.math` inlines and `.displayMath`
/// blocks.
public indirect enum Block: Equatable, Sendable {
    case paragraph([Inline], line: Int)
    case heading(level: Int, [Inline], line: Int)
    case blockQuote([Block])
    case list(ListStyle, items: [[Block]])
    case codeBlock(info: String, code: String, line: Int, endLine: Int)
    case html(String, line: Int)
    case thematicBreak
    case table(MarkdownTable, line: Int)
    case displayMath(String, line: Int)
}

/// How a list is numbered and spaced.
public struct ListStyle: Equatable, Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
}

/// A GitHub-style pipe table found in a paragraph (cmark itself has no tables).
public struct MarkdownTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, center, right, none }
    public var header: [[Inline]]
    public var alignments: [Alignment]
    public var rows: [[[Inline]]]
}

/// Inline content of a paragraph, heading or table cell.
public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(url: String, title: String, [Inline])
    case image(url: String, title: String, alt: [Inline])
    case softBreak
    case lineBreak
    case html(String)
    /// A formula; `display` for `$$…$$` inside running text.
    case math(String, display: Bool)
    /// An inline value, `` `{swift} expression` ``: the index of one of the chapter's
    /// `inlineValues`. Renderers see it replaced by its text (`Chapter.resolvingInlineValues`).
    case value(Int)
}

extension Inline {
    /// The text a reader sees, without markup (for anchors, titles and search).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s), .math(let s, _): return s
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): return c.plainText
        case .softBreak, .lineBreak: return " "
        case .html, .value: return ""
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup.
    public var plainText: String { map(\.plainText).joined() }
}

extension Block {
    /// The block with every inline (at any depth, in tables too) passed through `transform`.
    public func mapInlines(_ transform: (Inline) -> Inline) -> Block {
        mapInlineLists { $0.map(transform) }
    }

    /// The block with every list of inlines (a paragraph's, an emphasis's, a table cell's…)
    /// passed through `transform`, innermost lists first.
    public func mapInlineLists(_ transform: ([Inline]) -> [Inline]) -> Block {
        func map(_ inlines: [Inline]) -> [Inline] {
            transform(inlines.map { inline in
                switch inline {
                case .emphasis(let c): return .emphasis(map(c))
                case .strong(let c): return .strong(map(c))
                case .link(let url, let title, let c): return .link(url: url, title: title, map(c))
                case .image(let url, let title, let alt): return .image(url: url, title: title, alt: map(alt))
                default: return inline
                }
            })
        }
        switch self {
        case .paragraph(let inlines, let line): return .paragraph(map(inlines), line: line)
        case .heading(let level, let inlines, let line): return .heading(level: level, map(inlines), line: line)
        case .blockQuote(let blocks): return .blockQuote(blocks.map { $0.mapInlineLists(transform) })
        case .list(let style, let items): return .list(style, items: items.map { $0.map { $0.mapInlineLists(transform) } })
        case .table(var table, let line):
            table.header = table.header.map(map)
            table.rows = table.rows.map { $0.map(map) }
            return .table(table, line: line)
        case .codeBlock, .html, .thematicBreak, .displayMath: return self
        }
    }
}
