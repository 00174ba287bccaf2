/// Commands: symbols from the tables, and the commands that take arguments.
extension Parser {
    mutating func parseCommand(_ name: String, at token: Token) throws -> Atom {
        if let entry = SymbolTable.greek[name] {
            return Atom(node: identifier(entry.symbol, upright: entry.upright))
        }
        if let symbol = SymbolTable.ordinary[name] {
            return Atom(node: identifier(symbol, upright: false))
        }
        if let entry = SymbolTable.operators[name] {
            return Atom(node: .operator(entry.symbol, entry.kind))
        }
        if let entry = SymbolTable.largeOperators[name] {
            return Atom(node: .operator(entry.symbol, .large), placement: entry.placement)
        }
        if let em = SymbolTable.spaces[name] {
            return Atom(node: .space(em))
        }
        if let limits = SymbolTable.functions[name] {
            return parseFunction(name, limits: limits)
        }
        if let accent = SymbolTable.accents[name] {
            let base = try parseArgument(of: "\\" + name)
            return Atom(node: .accent(base: base, mark: accent.mark, over: accent.over))
        }
        if let alphabet = MathAlphabet.named(name) {
            return Atom(node: try parseStyled(alphabet, owner: "\\" + name))
        }
        if let size = SymbolTable.bigSizes[name] {
            return Atom(node: .sizedDelimiter(try parseDelimiter(after: "\\" + name), size: size))
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try parseArgument(of: "\\" + name)
            let denominator = try parseArgument(of: "\\" + name)
            let style: StyleOverride? = name == "dfrac" || name == "cfrac" ? .display : name == "tfrac" ? .text : nil
            return Atom(node: .fraction(numerator: numerator, denominator: denominator, style: style))
        case "binom":
            let top = try parseArgument(of: "\\binom")
            let bottom = try parseArgument(of: "\\binom")
            return Atom(node: .table(MathTable(rows: [[top], [bottom]], alignments: [.center], open: "(", close: ")")))
        case "sqrt":
            var index: MathNode?
            skipWhitespace()
            if peek()?.kind == .character("[") {
                position += 1
                index = .row(try parseUntilClosingBracket(owner: "\\sqrt"))
            }
            return Atom(node: .root(try parseArgument(of: "\\sqrt"), index: index))
        case "text", "textrm", "textnormal", "mbox", "textit", "textbf", "textsf", "texttt":
            return Atom(node: .text(try parseRawGroup(owner: "\\" + name)))
        case "operatorname", "operatornamewithlimits":
            let star = consume(.character("*")) || name == "operatornamewithlimits"
            let word = try parseRawGroup(owner: "\\" + name)
            return Atom(node: .function(word, limits: star), placement: star ? .movableLimits : .scripts)
        case "mathop":
            return try parseMathop()
        case "xrightarrow", "xleftarrow":
            // An arrow with a label over it (an optional label under it in brackets is not read).
            let label = try parseArgument(of: "\\" + name)
            let arrow = MathNode.operator(name == "xrightarrow" ? "⟶" : "⟵", .relation)
            return Atom(node: .scripts(base: arrow, sub: nil, sup: label, placement: .limits))
        case "overset", "stackrel", "underset":
            let mark = try parseArgument(of: "\\" + name)
            let base = try parseArgument(of: "\\" + name)
            return Atom(node: name == "underset" ? .scripts(base: base, sub: mark, sup: nil, placement: .limits)
                                                 : .scripts(base: base, sub: nil, sup: mark, placement: .limits))
        case "left":
            return Atom(node: try parseLeftRight(openedAt: token))
        case "begin":
            return Atom(node: try parseEnvironment(openedAt: token))
        case "not":
            let negated = try parseAtom(singleToken: true)
            guard case .operator(let symbol, let kind) = negated.node else {
                throw MathError("\\not must be followed by a relation such as = or \\in", column: token.column)
            }
            return Atom(node: .operator(symbol + "\u{338}", kind))
        default:
            throw MathError("unsupported command \\\(name)", column: token.column)
        }
    }

    /// `\log`, `\max`, and `\arg\max` / `\arg\min` read as one name with limits.
    private mutating func parseFunction(_ name: String, limits: Bool) -> Atom {
        if name == "arg" {
            let saved = position
            skipWhitespace()
            if case .command(let following)? = peek()?.kind, following == "max" || following == "min" {
                position += 1
                return Atom(node: .function("arg " + following, limits: true), placement: .movableLimits)
            }
            position = saved
        }
        let printed = SymbolTable.printedName(ofFunction: name)
        return Atom(node: .function(printed, limits: limits), placement: limits ? .movableLimits : .scripts)
    }

    /// `\mathop{…}`: a word becomes an operator name with limits; anything else a large operator.
    private mutating func parseMathop() throws -> Atom {
        let body = try parseArgument(of: "\\mathop")
        if let word = body.plainWord {
            return Atom(node: .function(word, limits: true), placement: .movableLimits)
        }
        return Atom(node: body, placement: .movableLimits)
    }

    /// The argument of `\mathbb` and friends, with its letters restyled.
    private mutating func parseStyled(_ style: MathAlphabet, owner: String) throws -> MathNode {
        let saved = alphabet
        alphabet = style
        defer { alphabet = saved }
        return try parseArgument(of: owner)
    }

    /// The optional `[…]` argument, after its `[` was consumed.
    mutating func parseUntilClosingBracket(owner: String) throws -> [MathNode] {
        var items: [MathNode] = []
        let open = column - 1
        while true {
            skipWhitespace()
            guard let token = peek() else {
                throw MathError("missing ] to close the [ of \(owner) at column \(open)", column: endColumn)
            }
            if token.kind == .character("]") {
                position += 1
                return items
            }
            items.append(try parseAtomWithScripts())
        }
    }

    /// The text of a `{…}` group taken literally (spaces kept), for `\text` and `\operatorname`.
    mutating func parseRawGroup(owner: String) throws -> String {
        skipWhitespace()
        let open = column
        guard consume(.beginGroup) else { throw MathError("\(owner) needs a {…} argument", column: column) }
        var text = ""
        var depth = 1
        while let token = next() {
            switch token.kind {
            case .beginGroup: depth += 1
            case .endGroup:
                depth -= 1
                if depth == 0 { return text }
            case .character(let character): text.append(character)
            case .whitespace: text.append(" ")
            case .superscriptMark: text.append("^")
            case .subscriptMark: text.append("_")
            case .alignment: text.append("&")
            case .command(let name):
                guard name.count == 1, !name.first!.isASCIILetter else {
                    throw MathError("unsupported command \\\(name) inside \(owner)", column: token.column)
                }
                text.append(name == " " || name == "," ? " " : name)
            }
        }
        throw MathError("missing } to close the { of \(owner) at column \(open)", column: endColumn)
    }
}

extension MathNode {
    /// The letters of an identifier or a row of identifiers, if that is all the node is.
    var plainWord: String? {
        switch self {
        case .identifier(let name, _): return name
        case .text(let text): return text
        case .function(let name, _): return name
        case .row(let items):
            let words = items.compactMap(\.plainWord)
            return words.count == items.count && !items.isEmpty ? words.joined() : nil
        default: return nil
        }
    }
}
