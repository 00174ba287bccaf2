/// GitHub-style pipe tables. cmark (CommonMark) has no tables, so a paragraph whose lines
/// look like one —
///
///     | model | accuracy |
///     | :--- | ---: |
///     | SVM | 0.87 |
///
/// — becomes a `.table`. Pipes inside code spans do not split cells; `\|` is a literal pipe.
enum PipeTable {
    static func parse(_ inlines: [Inline], line: Int) -> Block? {
        let rows = splitLines(inlines).map(splitCells)
        guard rows.count >= 2, rows.allSatisfy({ !$0.isEmpty }),
              let alignments = delimiterRow(rows[1]), alignments.count == rows[0].count else { return nil }
        func fit(_ row: [[Inline]]) -> [[Inline]] {
            row.count >= alignments.count ? Array(row.prefix(alignments.count))
                : row + Array(repeating: [], count: alignments.count - row.count)
        }
        let table = MarkdownTable(header: rows[0], alignments: alignments, rows: rows.dropFirst(2).map(fit))
        return .table(table, line: line)
    }

    private static func splitLines(_ inlines: [Inline]) -> [[Inline]] {
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            if inline == .softBreak || inline == .lineBreak { lines.append([]) } else { lines[lines.count - 1].append(inline) }
        }
        return lines
    }

    /// Splits one line at its pipes; nil-free, but empty when the line has no pipe at all.
    private static func splitCells(_ line: [Inline]) -> [[Inline]] {
        var cells: [[Inline]] = [[]]
        var sawPipe = false
        for inline in line {
            guard case .text(let text) = inline else { cells[cells.count - 1].append(inline); continue }
            var current = ""
            for ch in text {
                if ch == "|" {
                    sawPipe = true
                    if !current.isEmpty { cells[cells.count - 1].append(.text(current)); current = "" }
                    cells.append([])
                } else {
                    current.append(ch)
                }
            }
            if !current.isEmpty { cells[cells.count - 1].append(.text(current)) }
        }
        guard sawPipe else { return [] }
        func isBlank(_ c: [Inline]) -> Bool { c.plainText.trimmingCharacters(in: .whitespaces).isEmpty }
        if let first = cells.first, isBlank(first) { cells.removeFirst() }
        if let last = cells.last, isBlank(last) { cells.removeLast() }
        return cells.map(trim)
    }

    private static func trim(_ cell: [Inline]) -> [Inline] {
        var cell = cell
        if case .text(let t)? = cell.first { cell[0] = .text(String(t.drop(while: { $0 == " " }))) }
        if case .text(let t)? = cell.last { cell[cell.count - 1] = .text(String(t.reversed().drop(while: { $0 == " " }).reversed())) }
        return cell.filter { $0 != .text("") }
    }

    private static func delimiterRow(_ cells: [[Inline]]) -> [MarkdownTable.Alignment]? {
        var result: [MarkdownTable.Alignment] = []
        for cell in cells {
            guard cell.count == 1, case .text(let raw) = cell[0] else { return nil }
            let t = raw.trimmingCharacters(in: .whitespaces)
            let left = t.hasPrefix(":"), right = t.hasSuffix(":")
            let dashes = t.drop(while: { $0 == ":" }).reversed().drop(while: { $0 == ":" })
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }
}
