/// A recursive-descent parser from LaTeX math tokens to a `MathNode` tree.
///
/// ```swift
/// var parser = try Parser(#"x_{t-1}^2"#)
/// let node = try parser.parseFormula()   // .scripts(base: x, sub: t−1, sup: 2, …)
/// ```
struct Parser {
    /// A parsed atom together with where its scripts go.
    struct Atom {
        var node: MathNode
        var placement: LimitPlacement = .scripts
    }

    let tokens: [Token]
    /// Column just past the end of the formula, for errors at the end.
    let endColumn: Int
    var position = 0
    /// The letter style of the enclosing `\mathbb{…}`-like command, if any.
    var alphabet: MathAlphabet?
    /// How many atoms are being parsed inside each other; bounded so that deeply nested input
    /// throws instead of exhausting the stack.
    var depth = 0
    static let maximumDepth = 100

    init(_ source: String) throws {
        tokens = try Tokenizer.tokens(source)
        endColumn = source.count + 1
    }

    /// Parses the whole formula; anything left over (a stray `}` or `\right`) is an error.
    /// Lines separated by `\\` outside any environment are centred under each other, as
    /// MathJax does in display math.
    mutating func parseFormula() throws -> MathNode {
        var lines = [try parseSequence()]
        while let token = peek() {
            guard token.kind == .command("\\") else {
                throw MathError("unexpected \(token.kind.spelled)\(token.kind.hint)", column: token.column)
            }
            position += 1
            lines.append(try parseSequence())
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count > 1 else { return .row(lines[0]) }
        let rows = lines.map { [MathNode.row($0)] }
        return .row([.table(MathTable(rows: rows, alignments: [.center], displayStyleCells: true))])
    }

    // MARK: - Token access

    func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

    /// The column of the next token, or the end of the formula.
    var column: Int { peek()?.column ?? endColumn }

    mutating func skipWhitespace() {
        while peek()?.kind == .whitespace { position += 1 }
    }

    mutating func next() -> Token? {
        defer { position += 1 }
        return peek()
    }

    /// Consumes the next non-space token if it is `kind`.
    mutating func consume(_ kind: Token.Kind) -> Bool {
        skipWhitespace()
        guard peek()?.kind == kind else { return false }
        position += 1
        return true
    }

    // MARK: - Sequences

    /// Whether a token ends the current sequence (the caller decides whether it is welcome).
    private func endsSequence(_ token: Token) -> Bool {
        switch token.kind {
        case .endGroup, .alignment: return true
        case .command(let name): return ["right", "middle", "\\", "end", "cr"].contains(name)
        default: return false
        }
    }

    /// Parses atoms until the end of input or a token that ends a sequence, left unconsumed.
    mutating func parseSequence() throws -> [MathNode] {
        var items: [MathNode] = []
        while true {
            skipWhitespace()
            guard let token = peek(), !endsSequence(token) else { return items }
            if case .command(let name) = token.kind, name == "displaystyle" || name == "textstyle" {
                position += 1
                let rest = try parseSequence()
                items.append(.styled(name == "displaystyle" ? .display : .text, .row(rest)))
                return items
            }
            items.append(try parseAtomWithScripts())
        }
    }

    /// Parses `{…}` after its opening brace has been seen (not consumed).
    mutating func parseGroup() throws -> MathNode {
        try enterNestedLevel()
        defer { depth -= 1 }
        let open = column
        _ = consume(.beginGroup)
        let items = try parseSequence()
        guard consume(.endGroup) else {
            throw MathError("missing } to close the { at column \(open)", column: column)
        }
        return items.count == 1 ? items[0] : .row(items)
    }

    /// One argument of a command or script: a group, or a single token.
    mutating func parseArgument(of owner: String) throws -> MathNode {
        skipWhitespace()
        guard let token = peek(), !endsSequence(token) else {
            throw MathError("missing argument for \(owner)", column: column)
        }
        switch token.kind {
        case .beginGroup: return try parseGroup()
        case .superscriptMark, .subscriptMark:
            throw MathError("missing argument for \(owner) before \(token.kind.spelled)", column: token.column)
        default: return try parseAtom(singleToken: true).node
        }
    }

    /// Counts one more level of nesting; the caller undoes it with `defer { depth -= 1 }`.
    private mutating func enterNestedLevel() throws {
        depth += 1
        guard depth <= Parser.maximumDepth else {
            depth -= 1
            throw MathError("formula nested more than \(Parser.maximumDepth) levels deep", column: column)
        }
    }

    // MARK: - Atoms and scripts

    /// An atom followed by any primes, `\limits`, `_…` and `^…`.
    mutating func parseAtomWithScripts() throws -> MathNode {
        skipWhitespace()
        var atom: Atom
        if let kind = peek()?.kind, kind == .superscriptMark || kind == .subscriptMark {
            atom = Atom(node: .row([]))
        } else {
            atom = try parseAtom(singleToken: false)
        }
        var sub: MathNode?
        var sup: MathNode?
        var primes = ""
        while true {
            skipWhitespace()
            guard let token = peek() else { break }
            switch token.kind {
            case .command("limits"): atom.placement = .limits
            case .command("nolimits"): atom.placement = .scripts
            case .character("'"):
                guard sup == nil else { throw MathError("a prime after a superscript; write x'^2", column: token.column) }
                primes.append("′")
            case .superscriptMark:
                guard sup == nil else { throw MathError("double superscript; use braces", column: token.column) }
                position += 1
                let argument = try parseArgument(of: "^")
                sup = primes.isEmpty ? argument : .row([.operator(primes, .ordinary), argument])
                primes = ""
                continue
            case .subscriptMark:
                guard sub == nil else { throw MathError("double subscript; use braces", column: token.column) }
                position += 1
                sub = try parseArgument(of: "_")
                continue
            default:
                return Parser.attach(atom, sub: sub, sup: sup, primes: primes)
            }
            position += 1
        }
        return Parser.attach(atom, sub: sub, sup: sup, primes: primes)
    }

    private static func attach(_ atom: Atom, sub: MathNode?, sup: MathNode?, primes: String) -> MathNode {
        let superscript = sup ?? (primes.isEmpty ? nil : .operator(primes, .ordinary))
        guard sub != nil || superscript != nil else { return atom.node }
        return .scripts(base: atom.node, sub: sub, sup: superscript, placement: atom.placement)
    }

    /// One atom. With `singleToken`, digits and upright letters are not merged into runs
    /// (TeX reads `x_12` as `x_1 2`).
    mutating func parseAtom(singleToken: Bool) throws -> Atom {
        skipWhitespace()
        try enterNestedLevel()
        defer { depth -= 1 }
        guard let token = next() else { throw MathError("unexpected end of formula", column: endColumn) }
        switch token.kind {
        case .character(let character):
            return try parseCharacter(character, at: token, singleToken: singleToken)
        case .beginGroup:
            position -= 1
            return Atom(node: try parseGroup())
        case .command(let name):
            return try parseCommand(name, at: token)
        case .endGroup, .alignment, .superscriptMark, .subscriptMark, .whitespace:
            throw MathError("unexpected \(token.kind.spelled)", column: token.column)
        }
    }

    private mutating func parseCharacter(_ character: Character, at token: Token, singleToken: Bool) throws -> Atom {
        if character.isASCIIDigit || (character == "." && nextCharacterIsDigit && !singleToken) {
            var number = String(character)
            if !singleToken { number += takeDigitsAndPoint(startedWithPoint: character == ".") }
            return Atom(node: .number(alphabet.map { $0.styled(number) } ?? number))
        }
        if character == "'" { return Atom(node: .operator("′", .ordinary)) }
        if character == "~" { return Atom(node: .space(0.25)) }
        if let entry = SymbolTable.characterOperators[character] {
            return Atom(node: .operator(entry.symbol, entry.kind))
        }
        if character.isASCIILetter, alphabet == .roman {
            var word = String(character)
            while !singleToken, case .character(let next)? = peek()?.kind, next.isASCIILetter {
                word.append(next)
                position += 1
            }
            return Atom(node: .identifier(word, upright: true))
        }
        return Atom(node: identifier(String(character), upright: false))
    }

    /// An identifier in the current letter style. Styled letters (`𝔼`, `𝐖`) need no
    /// `mathvariant`; `\mathrm` makes letters upright.
    func identifier(_ name: String, upright: Bool) -> MathNode {
        switch alphabet {
        case nil: return .identifier(name, upright: upright)
        case .roman?: return .identifier(name, upright: true)
        case let style?:
            let styled = style.styled(name)
            return .identifier(styled, upright: styled == name && upright)
        }
    }

    private var nextCharacterIsDigit: Bool {
        if case .character(let next)? = peek()?.kind { return next.isASCIIDigit }
        return false
    }

    /// Continues a number: more digits, and one decimal point followed by a digit.
    private mutating func takeDigitsAndPoint(startedWithPoint: Bool) -> String {
        var text = ""
        var seenPoint = startedWithPoint
        while case .character(let character)? = peek()?.kind {
            if character.isASCIIDigit {
                text.append(character)
            } else if character == ".", !seenPoint, position + 1 < tokens.count,
                      case .character(let after) = tokens[position + 1].kind, after.isASCIIDigit {
                seenPoint = true
                text.append(character)
            } else {
                break
            }
            position += 1
        }
        return text
    }
}

extension Token.Kind {
    /// How the token is written, for error messages.
    var spelled: String {
        switch self {
        case .command(let name): return "\\" + name
        case .character(let character): return "'\(character)'"
        case .beginGroup: return "{"
        case .endGroup: return "}"
        case .superscriptMark: return "^"
        case .subscriptMark: return "_"
        case .alignment: return "&"
        case .whitespace: return "space"
        }
    }

    /// A hint for tokens that are only welcome in some places.
    var hint: String {
        switch self {
        case .endGroup: return " (no matching {)"
        case .command("right"): return " without a matching \\left"
        case .command("middle"): return " outside \\left … \\right"
        case .alignment, .command("cr"): return " outside an environment such as aligned or matrix"
        case .command("end"): return " without a matching \\begin"
        default: return ""
        }
    }
}
