import Foundation
import Testing
@testable import PrimerFigures

@Suite struct LayoutTests {
    @Test func longestPathRanking() {
        // 0 → 1 → 2 and 0 → 2: node 2 sits below 1, and the long edge gets a dummy.
        let layout = LayeredLayout(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)])
        #expect(layout.layerOf[0] == 0 && layout.layerOf[1] == 1 && layout.layerOf[2] == 2)
        #expect(layout.vertexCount == 4)
        #expect(layout.isDummy(3) && layout.layerOf[3] == 1)
        #expect(layout.routes.first { $0.edge == 2 }!.vertices == [0, 3, 2])
    }

    @Test func cyclesAreBrokenByReversingAnEdge() {
        let layout = LayeredLayout(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
        #expect(layout.routes.filter(\.reversed).map(\.edge) == [2])
        #expect(Set(layout.layerOf.prefix(3)) == [0, 1, 2])
        let text = try! Diagram(mermaid: "graph TB\nA-->B-->C-->A").renderText(width: 40, color: false)
        #expect(text.contains("▲"))
    }

    @Test func selfLoopsAreLeftOut() {
        let layout = LayeredLayout(nodeCount: 2, edges: [(0, 0), (0, 1)])
        #expect(layout.routes.count == 1)
    }

    @Test func barycentreOrderingRemovesAvoidableCrossings() throws {
        // Declared order puts C before D, but A (first) points at D and B at C.
        let diagram = try Diagram(mermaid: "graph TB\nC\nD\nA --> D\nB --> C")
        let layout = LayeredLayout(nodeCount: diagram.nodes.count, edges: diagram.indexedEdges.map { ($0.from, $0.to) })
        #expect(layout.crossings() == 0)
        #expect(layout.layers[1] == [1, 0])
    }

    @Test func everyDirectionDrawsAllNodesAndArrows() throws {
        for direction in ["TB", "BT", "LR", "RL"] {
            let diagram = try Diagram(mermaid: "graph \(direction)\nA[Input] --> B[Model]\nB -->|loss| C[Optimiser]\nA --> C")
            let text = diagram.renderText(width: 80, color: false)
            for label in ["Input", "Model", "Optimiser", "loss"] { #expect(text.contains(label), "\(direction)") }
            let arrow: Character = ["TB": "▼", "BT": "▲", "LR": "▶", "RL": "◀"][direction]!
            // Edges into the same node share one arrowhead: B and C are the targets.
            #expect(text.filter { $0 == arrow }.count == 2, "\(direction)\n\(text)")
            #expect(xmlError(diagram.renderSVG()) == nil)
        }
    }

    @Test func wordsWrapAtSpaces() {
        #expect(wrap("Transfer learning with frozen layers", width: 12) == ["Transfer", "learning", "with frozen", "layers"])
        #expect(wrap("Supercalifragilistic", width: 8) == ["Supercal", "ifragili", "stic"])
        #expect(wrap("", width: 5) == [""])
    }
}

@Suite struct DiagramStrokeTests {
    @Test func thickAndDottedEdgesUseHeavyAndDashedLines() throws {
        let text = try Diagram(mermaid: "graph TB\nA ==> B\nB -.-> C\nC --> D").renderText(width: 40, color: false)
        #expect(text.contains("┃"))
        #expect(text.contains("┆"))
        let plain = try Diagram(mermaid: "graph LR\nA --> B").renderText(width: 40, color: false)
        #expect(!plain.contains("━") && !plain.contains("┄"))
        let dottedAcross = try Diagram(mermaid: "graph LR\nA -.-> B").renderText(width: 40, color: false)
        #expect(dottedAcross.contains("┄"))
    }
}

@Suite struct SelfLoopTests {
    @Test func selfLoopsAreMarkedInTextAndDrawnInSVG() throws {
        for direction in ["TB", "LR", "BT", "RL"] {
            let diagram = try Diagram(mermaid: "graph \(direction)\nx[Input] --> h[Hidden state]\nh -->|recurrence| h\nh --> y[Output]")
            let text = diagram.renderText(width: 80, color: false)
            #expect(text.contains("│↻") || text.contains("─↻─"), "\(direction)\n\(text)")
            #expect(text.filter { $0 == "↻" }.count == 1)
            let svg = diagram.renderSVG()
            #expect(xmlError(svg) == nil)
            #expect(svg.contains(">recurrence</text>"))
            #expect(svg.components(separatedBy: "class=\"arrow\"").count - 1 == 3)
        }
    }
}
