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
}

extension Inline {
    /// The text a reader sees, without markup (for anchors, titles and search).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s), .math(let s, _): return s
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): return c.plainText
        case .softBreak, .lineBreak: return " "
        case .html: return ""
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup.
    public var plainText: String { map(\.plainText).joined() }
}
