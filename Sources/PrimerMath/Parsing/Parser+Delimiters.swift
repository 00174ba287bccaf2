/// `\left … \middle … \right` and the delimiters after `\big` and friends.
extension Parser {
    /// Reads one delimiter: `( ) [ ] | / . < >` or a command such as `\langle` or `\{`.
    mutating func parseDelimiter(after owner: String) throws -> String {
        skipWhitespace()
        guard let token = next() else {
            throw MathError("\(owner) needs a delimiter such as ( or \\langle", column: endColumn)
        }
        switch token.kind {
        case .character(let character):
            if let symbol = SymbolTable.characterDelimiters[character] { return symbol }
        case .command(let name):
            if let symbol = SymbolTable.delimiters[name] { return symbol }
        default:
            break
        }
        throw MathError("\(owner) must be followed by a delimiter, not \(token.kind.spelled)", column: token.column)
    }

    /// Parses after `\left` up to and including the matching `\right` and its delimiter.
    mutating func parseLeftRight(openedAt token: Token) throws -> MathNode {
        let open = try parseDelimiter(after: "\\left")
        var items: [MathNode] = []
        while true {
            items += try parseSequence()
            guard let stop = next() else {
                throw MathError("\\left\(open.isEmpty ? "." : open) at column \(token.column) has no matching \\right",
                                column: endColumn)
            }
            switch stop.kind {
            case .command("right"):
                let close = try parseDelimiter(after: "\\right")
                return .fenced(open: open, body: .row(items), close: close)
            case .command("middle"):
                items.append(.operator(try parseDelimiter(after: "\\middle"), .stretchyFence))
            default:
                throw MathError("unexpected \(stop.kind.spelled) before the \\right of the \\left at column \(token.column)",
                                column: stop.column)
            }
        }
    }
}
