import Foundation

/// A chapter's prose as a translator meets it: each top-level block (paragraph, heading, list,
/// table, formula…) with its line, its section and a short hash of its source text. Editions
/// keep the same headings and paragraphs in the same order, so the k-th paragraph of a
/// section in a source chapter is the k-th of that section in its translation.
///
///     let paragraphs = ProseParagraphs(chapter).items
///     paragraphs[3].hash   // "5f2c9a01b7e4" — changes when the paragraph's text does
struct ProseParagraphs {
    struct Item: Equatable {
        var line: Int
        /// How many headings come before it or are it (0: before the first heading).
        var section: Int
        /// Its position among the blocks of its section (the heading is 0).
        var position: Int
        var hash: String
    }

    let items: [Item]

    init(_ chapter: Chapter) {
        let lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false)
        let starts: [Int?] = chapter.content.map { part in
            switch part {
            case .prose(let block): return block.firstLine
            case .cell(let i): return chapter.cells[i].fenceLine
            }
        }
        var items: [Item] = []
        var section = 0, position = 0
        for (index, part) in chapter.content.enumerated() {
            guard case .prose(let block) = part else { continue }
            if case .heading = block { section += 1; position = 0 } else { position += 1 }
            let start = starts[index] ?? starts[..<index].compactMap { $0 }.last ?? 1
            let end = starts[(index + 1)...].compactMap { $0 }.first ?? lines.count + 1
            let text = Self.text(of: block, lines: lines, from: start, upTo: end)
            items.append(Item(line: start, section: section, position: position, hash: String(SHA256.hex(of: text).prefix(12))))
        }
        self.items = items
    }

    /// The block's own lines: up to the next part, without trailing blank lines or the
    /// `<!-- primer: … -->` directives that may sit between blocks.
    static func text(of block: Block, lines: [Substring], from start: Int, upTo end: Int) -> String {
        if case .thematicBreak = block { return "---" }
        guard start >= 1, start <= lines.count, end > start else { return "" }
        var own = Array(lines[(start - 1)..<min(end - 1, lines.count)])
        while let last = own.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last.hasPrefix("<!-- primer:") {
            own.removeLast()
        }
        return own.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    /// The line of the paragraph in this chapter that corresponds to `other` in another edition:
    /// the same section and position, else the section's heading, else the last paragraph.
    func line(matching other: Item) -> Int {
        if let same = items.first(where: { $0.section == other.section && $0.position == other.position }) { return same.line }
        if let heading = items.last(where: { $0.section <= other.section && $0.position == 0 }) { return heading.line }
        return items.last?.line ?? 1
    }
}
