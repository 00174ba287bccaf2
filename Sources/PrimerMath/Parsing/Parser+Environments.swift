/// `\begin{…} … \end{…}`: matrices, `cases`, `aligned`/`align*`, `gathered` and `array`.
extension Parser {
    /// The layout of a supported environment.
    private struct EnvironmentLayout {
        var alignments: [MathTable.Alignment]
        var open = ""
        var close = ""
        var displayStyleCells = false
        var pairedColumns = false
    }

    private static func layout(of name: String) -> EnvironmentLayout? {
        let alternating: [MathTable.Alignment] = Array(repeating: [.right, .left], count: 8).flatMap { $0 }
        switch name {
        case "matrix", "smallmatrix": return EnvironmentLayout(alignments: [.center])
        case "pmatrix": return EnvironmentLayout(alignments: [.center], open: "(", close: ")")
        case "bmatrix": return EnvironmentLayout(alignments: [.center], open: "[", close: "]")
        case "Bmatrix": return EnvironmentLayout(alignments: [.center], open: "{", close: "}")
        case "vmatrix": return EnvironmentLayout(alignments: [.center], open: "|", close: "|")
        case "Vmatrix": return EnvironmentLayout(alignments: [.center], open: "‖", close: "‖")
        case "cases": return EnvironmentLayout(alignments: [.left, .left], open: "{")
        case "rcases": return EnvironmentLayout(alignments: [.left, .left], close: "}")
        case "aligned", "align", "align*", "split", "alignat", "alignat*", "alignedat", "eqnarray*":
            return EnvironmentLayout(alignments: alternating, displayStyleCells: true, pairedColumns: true)
        case "gathered", "gather", "gather*":
            return EnvironmentLayout(alignments: [.center], displayStyleCells: true)
        case "array": return EnvironmentLayout(alignments: [.center])
        default: return nil
        }
    }

    /// Parses after `\begin` up to and including the matching `\end{…}`.
    mutating func parseEnvironment(openedAt token: Token) throws -> MathNode {
        let name = try parseEnvironmentName(owner: "\\begin")
        guard var layout = Parser.layout(of: name) else {
            throw MathError("unsupported environment \(name)", column: token.column)
        }
        if name == "array" {
            layout.alignments = try parseColumnSpecification()
        } else if name.hasPrefix("alignat") || name == "alignedat" {
            _ = try parseRawGroup(owner: "\\begin{\(name)}")
        }
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            let items = try parseSequence()
            cells.append(items.count == 1 ? items[0] : .row(items))
            guard let stop = next() else {
                throw MathError("\\begin{\(name)} at column \(token.column) has no matching \\end{\(name)}",
                                column: endColumn)
            }
            switch stop.kind {
            case .alignment:
                continue
            case .command("\\"), .command("cr"):
                rows.append(cells)
                cells = []
                try skipOptionalRowSpacing()
            case .command("end"):
                let closing = try parseEnvironmentName(owner: "\\end")
                guard closing == name else {
                    throw MathError("\\begin{\(name)} at column \(token.column) ended by \\end{\(closing)}",
                                    column: stop.column)
                }
                if !(cells.count == 1 && cells[0] == .row([])) || rows.isEmpty { rows.append(cells) }
                return .table(MathTable(rows: rows, alignments: layout.alignments, open: layout.open,
                                        close: layout.close, displayStyleCells: layout.displayStyleCells,
                                        pairedColumns: layout.pairedColumns))
            default:
                throw MathError("unexpected \(stop.kind.spelled) inside \\begin{\(name)}", column: stop.column)
            }
        }
    }

    private mutating func parseEnvironmentName(owner: String) throws -> String {
        try parseRawGroup(owner: owner).trimmingSpaces
    }

    /// `{lcr}` after `\begin{array}`; vertical rules `|` are ignored.
    private mutating func parseColumnSpecification() throws -> [MathTable.Alignment] {
        let specColumn = column
        let spec = try parseRawGroup(owner: "\\begin{array}")
        var alignments: [MathTable.Alignment] = []
        for character in spec where character != "|" && character != " " {
            switch character {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            default: throw MathError("unsupported array column '\(character)'; use l, c, r or |", column: specColumn)
            }
        }
        return alignments
    }

    /// `\\[4pt]`: the extra row spacing is accepted and ignored.
    private mutating func skipOptionalRowSpacing() throws {
        let saved = position
        skipWhitespace()
        guard peek()?.kind == .character("[") else {
            position = saved
            return
        }
        while let token = next() {
            if token.kind == .character("]") { return }
        }
        throw MathError("missing ] after \\\\[", column: endColumn)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
