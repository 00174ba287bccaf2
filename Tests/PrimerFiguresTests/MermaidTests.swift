import Foundation
import Testing
@testable import PrimerFigures

@Suite struct MermaidTests {
    @Test func conceptMap() throws {
        let diagram = try Diagram(mermaid: "graph TB\n A[Deep learning] --> B[CNN]\n A --> C[RNN]\n A --> D[GAN]\n A --> E[Self-supervised]\n A --> F[Transfer learning]")
        #expect(diagram.direction == .topToBottom)
        #expect(diagram.nodes.map(\.id) == ["A", "B", "C", "D", "E", "F"])
        #expect(diagram.nodes.map(\.label) == ["Deep learning", "CNN", "RNN", "GAN", "Self-supervised", "Transfer learning"])
        #expect(diagram.edges.count == 5)
        #expect(diagram.edges.allSatisfy { $0.from == "A" && $0.hasArrow && $0.label.isEmpty })
        let layout = LayeredLayout(nodeCount: 6, edges: diagram.indexedEdges.map { ($0.from, $0.to) })
        #expect(layout.layers == [[0], [1, 2, 3, 4, 5]])
        let text = diagram.renderText(width: 100, color: false)
        #expect(text.filter { $0 == "▼" }.count == 5)
        for label in ["Deep learning", "CNN", "RNN", "GAN", "Self-supervised", "Transfer learning"] {
            #expect(text.contains(label))
        }
    }

    @Test func headersAndDirections() throws {
        #expect(try Diagram(mermaid: "flowchart TD\nA-->B").direction == .topToBottom)
        #expect(try Diagram(mermaid: "graph LR\nA-->B").direction == .leftToRight)
        #expect(try Diagram(mermaid: "graph BT\nA-->B").direction == .bottomToTop)
        #expect(try Diagram(mermaid: "graph RL\nA-->B").direction == .rightToLeft)
        #expect(try Diagram(mermaid: "%% a comment\n\ngraph\nA").direction == .topToBottom)
    }

    @Test func shapesAndLabels() throws {
        let diagram = try Diagram(mermaid: """
            graph TB
              A[Box] --> B(Round)
              B --> C{Decide?}
              C --> D((Circle))
              D --> E["Quoted [with] brackets"]
              E --> F
            """)
        #expect(diagram.nodes.map(\.shape) == [.rectangle, .rounded, .diamond, .circle, .rectangle, .rectangle])
        #expect(diagram.nodes[4].label == "Quoted [with] brackets")
        #expect(diagram.nodes[5].label == "F")
    }

    @Test func linkKinds() throws {
        let diagram = try Diagram(mermaid: """
            graph LR
              A -->|yes| B
              A --- C
              A -- maybe --> D
              A ==> E
              A -.-> F
              A ---> G
              A -- plain --- H
            """)
        let edges = diagram.edges
        #expect(edges.map(\.to) == ["B", "C", "D", "E", "F", "G", "H"])
        #expect(edges.map(\.label) == ["yes", "", "maybe", "", "", "", "plain"])
        #expect(edges.map(\.hasArrow) == [true, false, true, true, true, true, false])
        #expect(edges.map(\.stroke) == [.normal, .normal, .normal, .thick, .dotted, .normal, .normal])
    }

    @Test func chainsSemicolonsAndStyling() throws {
        let diagram = try Diagram(mermaid: "graph TB; A --> B --> C; C --> A\nstyle A fill:#f9f\nclassDef x fill:#fff\nB:::x --> D")
        #expect(diagram.edges.map { "\($0.from)\($0.to)" } == ["AB", "BC", "CA", "BD"])
    }

    @Test func laterLabelReplacesBareReference() throws {
        let diagram = try Diagram(mermaid: "graph TB\nA --> B\nB[Named later]")
        #expect(diagram.nodes.map(\.label) == ["A", "Named later"])
    }

    @Test(arguments: [
        ("A --> B", 1, "expected \"graph\" or \"flowchart\""),
        ("graph XY\nA", 1, "unknown direction"),
        ("graph TB\nA --> B\nA -->", 3, "expected a node id"),
        ("graph TB\n\nA[unclosed --> B", 3, "to close the label"),
        ("graph TB\nA --> B\n  subgraph one", 3, "subgraphs are not supported"),
        ("graph TB\nA B", 2, "expected a link"),
        ("graph TB\nA -->|yes B", 2, "\"|\""),
        ("", 1, "expected a header"),
    ])
    func errorsNameTheLine(source: String, line: Int, message: String) {
        do {
            _ = try Diagram(mermaid: source)
            Issue.record("expected an error for \(source.debugDescription)")
        } catch let error as MermaidError {
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("Mermaid line \(line): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
