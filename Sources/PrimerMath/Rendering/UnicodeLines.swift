/// A display formula as terminal lines: a table at the top of the formula with no fences
/// around it (`aligned`, `align*`, `gathered`, `split`, a bare `\\`) gives one line per row with
/// its columns lined up; any other formula is one line, as `unicode()` gives it.
///
/// ```swift
/// try LaTeX.parse(#"\begin{aligned} i_t &= \sigma(z) \\ h &= o \odot c \end{aligned}"#).unicodeLines()
/// // ["iₜ = σ(z)", " h = o ⊙ c"]
/// ```
extension MathNode {
    public func unicodeLines() -> [String] {
        guard let table = topLevelTable, table.open.isEmpty, table.close.isEmpty, table.rows.count > 1 else { return [unicode()] }
        let cells = table.rows.map { row in row.map { UnicodeRenderer.text($0, compact: false).trimmingSpaces } }
        let columns = cells.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in cells.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return cells.map { row in
            var line = ""
            for c in 0..<columns {
                let text = c < row.count ? row[c] : ""
                let room = widths[c] - text.count
                let padded: String
                switch table.alignment(ofColumn: c) {
                case .right: padded = String(repeating: " ", count: room) + text
                case .left: padded = text + String(repeating: " ", count: room)
                case .center: padded = String(repeating: " ", count: room / 2) + text + String(repeating: " ", count: room - room / 2)
                }
                // Paired columns (`aligned`) read "lhs = rhs": one space inside a pair, more between pairs.
                if c > 0 { line += table.pairedColumns && c % 2 == 1 ? " " : "    " }
                line += padded
            }
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
    }

    /// The table the formula consists of, if it is one (spaces around it allowed).
    private var topLevelTable: MathTable? {
        switch self {
        case .table(let table): return table
        case .row(let items):
            let solid = items.filter { if case .space = $0 { return false } else { return true } }
            guard solid.count == 1 else { return nil }
            return solid[0].topLevelTable
        case .styled(_, let inner): return inner.topLevelTable
        default: return nil
        }
    }
}
