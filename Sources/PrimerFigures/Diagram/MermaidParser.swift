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
