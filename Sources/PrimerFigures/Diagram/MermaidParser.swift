import Foundation

/// Reads the flowchart subset of Mermaid into nodes and edges.
///
///     let parsed = try MermaidParser.parse("graph LR\n  A[Input] -->|pixels| B(Model)")
///     parsed.edges[0].label   // "pixels"
enum MermaidParser {
    struct Result {
        var direction: Diagram.Direction
        var nodes: [Diagram.Node]
        var edges: [Diagram.Edge]
    }

    /// Statements that only style a chart; they are accepted and ignored.
    private static let styleKeywords: Set<String> = ["style", "classDef", "class", "linkStyle", "click"]

    static func parse(_ source: String) throws -> Result {
        var direction: Diagram.Direction?
        var nodes: [Diagram.Node] = []
        var positions: [String: Int] = [:]
        var edges: [Diagram.Edge] = []

        func declare(_ node: ParsedNode) {
            if let position = positions[node.id] {
                if let label = node.label { nodes[position].label = label; nodes[position].shape = node.shape }
            } else {
                positions[node.id] = nodes.count
                nodes.append(Diagram.Node(id: node.id, label: node.label, shape: node.shape))
            }
        }

        for (offset, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            for statement in splitStatements(String(rawLine)) {
                let text = statement.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text.hasPrefix("%%") { continue }
                let firstWord = String(text.prefix { !$0.isWhitespace })
                if direction == nil {
                    direction = try header(text, line: lineNumber)
                    continue
                }
                if styleKeywords.contains(firstWord) { continue }
                if firstWord == "subgraph" || firstWord == "end" {
                    throw MermaidError(line: lineNumber, message: "subgraphs are not supported")
                }
                var scanner = StatementScanner(text: text, line: lineNumber)
                var previous = try scanner.node()
                declare(previous)
                while let link = try scanner.link() {
                    let next = try scanner.node()
                    declare(next)
                    edges.append(Diagram.Edge(from: previous.id, to: next.id, label: link.label,
                                              stroke: link.stroke, hasArrow: link.hasArrow))
                    previous = next
                }
                try scanner.expectEnd()
            }
        }
        guard let direction else { throw MermaidError(line: 1, message: "expected a header such as \"graph TB\"") }
        return Result(direction: direction, nodes: nodes, edges: edges)
    }

    private static func header(_ text: String, line: Int) throws -> Diagram.Direction {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let keyword = words.first, keyword == "graph" || keyword == "flowchart" else {
            throw MermaidError(line: line, message: "expected \"graph\" or \"flowchart\", found \"\(text)\"")
        }
        guard words.count <= 2 else {
            throw MermaidError(line: line, message: "unexpected \"\(words[2])\" after the direction")
        }
        switch words.count == 2 ? words[1] : "TB" {
        case "TB", "TD": return .topToBottom
        case "BT": return .bottomToTop
        case "LR": return .leftToRight
        case "RL": return .rightToLeft
        default: throw MermaidError(line: line, message: "unknown direction \"\(words[1])\" (use TB, TD, BT, LR or RL)")
        }
    }

    /// Splits a line at semicolons that are outside brackets and quotes.
    private static func splitStatements(_ line: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        var inPipe = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "[", "(", "{": if !quoted { depth += 1 }
            case "]", ")", "}": if !quoted { depth = max(0, depth - 1) }
            case "|": if !quoted, depth == 0 { inPipe.toggle() }
            case ";" where !quoted && depth == 0 && !inPipe:
                statements.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        statements.append(current)
        return statements
    }
}

/// A node reference as written in a statement; `label` is nil when only the id is given.
struct ParsedNode {
    let id: String
    let label: String?
    let shape: Diagram.Shape
}

/// Walks one statement: node, then any number of link-node pairs.
private struct StatementScanner {
    private let characters: [Character]
    private var position = 0
    private let line: Int

    init(text: String, line: Int) {
        characters = Array(text)
        self.line = line
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private func peek(_ text: String) -> Bool {
        let wanted = Array(text)
        guard position + wanted.count <= characters.count else { return false }
        return Array(characters[position..<(position + wanted.count)]) == wanted
    }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { position += 1 }
    }

    private func error(_ message: String) -> MermaidError {
        let found = current.map { "\"\($0)\"" } ?? "the end of the line"
        return MermaidError(line: line, message: "\(message), found \(found) at column \(position + 1)")
    }

    mutating func node() throws -> ParsedNode {
        skipSpaces()
        var id = ""
        while let character = current, character.isLetter || character.isNumber || character == "_" {
            id.append(character)
            position += 1
        }
        guard !id.isEmpty else { throw error("expected a node id") }
        let shapes: [(open: String, close: String, shape: Diagram.Shape)] = [
            ("((", "))", .circle), ("([", "])", .circle), ("[", "]", .rectangle),
            ("(", ")", .rounded), ("{", "}", .diamond),
        ]
        var label: String?
        var shape = Diagram.Shape.rectangle
        if let match = shapes.first(where: { peek($0.open) }) {
            position += match.open.count
            label = try labelText(until: match.close)
            shape = match.shape
        }
        if peek(":::") {
            position += 3
            while let character = current, character.isLetter || character.isNumber || character == "_" || character == "-" {
                position += 1
            }
        }
        return ParsedNode(id: id, label: label, shape: shape)
    }

    /// Reads a label up to `close`, honouring a quoted label.
    private mutating func labelText(until close: String) throws -> String {
        var text = ""
        if current == "\"" {
            position += 1
            while let character = current, character != "\"" { text.append(character); position += 1 }
            guard current == "\"" else { throw error("expected a closing quote") }
            position += 1
            guard peek(close) else { throw error("expected \"\(close)\" after the quoted label") }
        } else {
            while current != nil, !peek(close) { text.append(current!); position += 1 }
            guard peek(close) else { throw error("expected \"\(close)\" to close the label") }
        }
        position += close.count
        return text.trimmingCharacters(in: .whitespaces)
    }

    struct Link {
        var label = ""
        var stroke = Diagram.Stroke.normal
        var hasArrow = false
    }

    /// Reads a link such as `-->`, `---`, `==>`, `-.->`, `-- text -->` or `-->|text|`;
    /// nil at the end of the statement.
    mutating func link() throws -> Link? {
        skipSpaces()
        guard current != nil else { return nil }
        var link = Link()
        if peek("-.") {
            position += 1
            while current == "." { position += 1 }
            while current == "-" { position += 1 }
            link.stroke = .dotted
        } else if peek("==") {
            while current == "=" { position += 1 }
            link.stroke = .thick
        } else if peek("--") {
            var dashes = 0
            while current == "-" { dashes += 1; position += 1 }
            if dashes == 2, current != ">" {
                (link.label, link.hasArrow) = try inlineLinkText()
                return try pipeLabel(link)
            }
        } else {
            throw error("expected a link such as \"-->\"")
        }
        if current == ">" {
            link.hasArrow = true
            position += 1
        }
        return try pipeLabel(link)
    }

    /// The text of `-- text -->` or `-- text ---`, and whether the link ends in an arrow.
    private mutating func inlineLinkText() throws -> (text: String, hasArrow: Bool) {
        var text = ""
        while current != nil, !peek("-->"), !peek("---") { text.append(current!); position += 1 }
        guard current != nil else { throw error("expected \"-->\" to end the link text") }
        while current == "-" { position += 1 }
        let hasArrow = current == ">"
        if hasArrow { position += 1 }
        return (text.trimmingCharacters(in: .whitespaces), hasArrow)
    }

    private mutating func pipeLabel(_ link: Link) throws -> Link {
        var link = link
        skipSpaces()
        guard current == "|" else { return link }
        position += 1
        var text = ""
        while let character = current, character != "|" { text.append(character); position += 1 }
        guard current == "|" else { throw error("expected \"|\" to close the link label") }
        position += 1
        link.label = text.trimmingCharacters(in: .whitespaces)
        return link
    }

    mutating func expectEnd() throws {
        skipSpaces()
        if current != nil { throw error("expected a link or the end of the statement") }
    }
}
