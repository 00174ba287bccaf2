import Foundation

/// A node reference as written in a statement; `label` is nil when only the id is given.
struct ParsedNode {
    let id: String
    let label: String?
    let shape: Diagram.Shape
}

/// Walks one statement: node, then any number of link-node pairs.
struct StatementScanner {
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
