/// A flowchart of boxes and arrows, usually written in Mermaid's flowchart syntax, laid out in
/// layers and drawn with box-drawing characters or as SVG.
///
///     let map = try Diagram(mermaid: """
///         graph TB
///           A[Deep learning] --> B[CNN]
///           A --> C[RNN]
///         """)
///     print(map.renderText(width: 80, color: false))
public struct Diagram: Codable, Equatable, Sendable {
    /// Which way the edges flow.
    public enum Direction: String, Codable, Sendable {
        case topToBottom = "TB", bottomToTop = "BT", leftToRight = "LR", rightToLeft = "RL"

        var isVertical: Bool { self == .topToBottom || self == .bottomToTop }
        var isMirrored: Bool { self == .bottomToTop || self == .rightToLeft }
    }

    public enum Shape: String, Codable, Sendable {
        /// `A[label]`
        case rectangle
        /// `A(label)`
        case rounded
        /// `A{label}`
        case diamond
        /// `A((label))` or `A([label])`
        case circle
    }

    public struct Node: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var shape: Shape
        public init(id: String, label: String? = nil, shape: Shape = .rectangle) {
            self.id = id
            self.label = label ?? id
            self.shape = shape
        }
    }

    /// How an edge is drawn: `-->` arrow, `---` line, `==>` thick, `-.->` dotted.
    public enum Stroke: String, Codable, Sendable { case normal, thick, dotted }

    public struct Edge: Codable, Equatable, Sendable {
        public var from: String
        public var to: String
        public var label: String
        public var stroke: Stroke
        public var hasArrow: Bool
        public init(from: String, to: String, label: String = "", stroke: Stroke = .normal, hasArrow: Bool = true) {
            self.from = from
            self.to = to
            self.label = label
            self.stroke = stroke
            self.hasArrow = hasArrow
        }
    }

    public var title: String
    public var direction: Direction
    public var nodes: [Node]
    public var edges: [Edge]

    public init(title: String = "", direction: Direction = .topToBottom, nodes: [Node], edges: [Edge]) {
        self.title = title
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
    }

    /// Parses Mermaid flowchart source (`graph TB`, `graph LR`, `flowchart TD`, …; nodes
    /// `A[label]`, `B(label)`, `C{label}`; edges `-->`, `---`, `-->|text|`, `-- text -->`).
    /// Throws `MermaidError` with the offending line number.
    public init(mermaid source: String, title: String = "") throws {
        let parsed = try MermaidParser.parse(source)
        self.init(title: title, direction: parsed.direction, nodes: parsed.nodes, edges: parsed.edges)
    }

    /// The edges as node indices, dropping edges whose ends are not declared nodes.
    var indexedEdges: [(from: Int, to: Int, edge: Edge)] {
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        return edges.compactMap { edge in
            guard let from = index[edge.from], let to = index[edge.to] else { return nil }
            return (from: from, to: to, edge: edge)
        }
    }
}

/// Why Mermaid source could not be read, with its 1-based line number.
public struct MermaidError: Error, Equatable, CustomStringConvertible, Sendable {
    public let line: Int
    public let message: String
    public var description: String { "Mermaid line \(line): \(message)" }
}
