import Foundation

/// Every link and image of a chapter's prose, with where it is in the file, and the anchors
/// the chapter's page will have (its headings' ids, as `HTMLProse` makes them, and `cell-N`
/// for each cell, as `HTMLCells` does).
///
///     let links = ChapterLinks(chapter)
///     links.links.first   // Link(url: "02-next.md#counting", isImage: false, line: 3, column: 15)
///     links.anchors       // ["intro", "cell-1"]
public struct ChapterLinks: Sendable {
    public struct Link: Equatable, Sendable {
        public var url: String
        public var isImage: Bool
        /// 1-based, where the URL's text starts in the chapter file.
        public var line: Int
        public var column: Int
    }

    public var links: [Link] = []
    public var anchors: Set<String> = []

    public init(_ chapter: Chapter) {
        var prose = HTMLProse(allowRawHTML: false)
        var found: [(url: String, isImage: Bool, line: Int)] = []
        for part in chapter.content {
            guard case .prose(let block) = part else { continue }
            _ = prose.render(block)
            Self.collect(block, line: 1, into: &found)
        }
        anchors = Set(prose.outline.map(\.id)).union(chapter.cells.map { "cell-\($0.index + 1)" })
        let lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var searchFrom: [String: (line: Int, column: Int)] = [:]
        for link in found {
            let start = max(searchFrom[link.url].map { $0.line } ?? link.line, link.line)
            let (line, column) = Self.locate(link.url, in: lines, from: start, after: searchFrom[link.url])
                ?? Self.locate(link.url, in: lines, from: 1, after: nil) ?? (link.line, 1)
            searchFrom[link.url] = (line, column)
            links.append(Link(url: link.url, isImage: link.isImage, line: line, column: column))
        }
    }

    /// The first place at or after line `from` (and after `after`, the previous find of the same
    /// URL) where `url` is written as a link target: after `(`, `<` or `]: `.
    static func locate(_ url: String, in lines: [String], from: Int, after: (line: Int, column: Int)?) -> (Int, Int)? {
        guard !url.isEmpty, from >= 1 else { return nil }
        for number in from...max(from, lines.count) where number <= lines.count {
            let text = lines[number - 1]
            var searchStart = text.startIndex
            if let after, after.line == number {
                searchStart = text.index(text.startIndex, offsetBy: min(after.column, text.count))
            }
            while let range = text.range(of: url, range: searchStart..<text.endIndex) {
                let before = range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
                if before == "(" || before == "<" || before == " " {
                    return (number, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    private static func collect(_ block: Block, line: Int, into found: inout [(url: String, isImage: Bool, line: Int)]) {
        func visit(_ inlines: [Inline], _ line: Int) {
            for inline in inlines {
                switch inline {
                case .link(let url, _, let content): found.append((url, false, line)); visit(content, line)
                case .image(let url, _, let alt): found.append((url, true, line)); visit(alt, line)
                case .emphasis(let content), .strong(let content): visit(content, line)
                default: break
                }
            }
        }
        switch block {
        case .paragraph(let inlines, let line), .heading(_, let inlines, let line): visit(inlines, line)
        case .table(let table, let line): (table.header + table.rows.flatMap { $0 }).forEach { visit($0, line) }
        case .blockQuote(let blocks): blocks.forEach { collect($0, line: line, into: &found) }
        case .list(_, let items): items.flatMap { $0 }.forEach { collect($0, line: line, into: &found) }
        default: break
        }
    }
}
