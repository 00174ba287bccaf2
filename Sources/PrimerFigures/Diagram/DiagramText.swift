/// Lays a diagram out on a character grid: boxes in layers, edges as box-drawing lines routed
/// through a channel row (or column) per source between layers, arrowheads at the targets.
struct DiagramTextLayout {
    let diagram: Diagram
    let layout: LayeredLayout
    let edges: [(from: Int, to: Int, edge: Diagram.Edge)]

    init(diagram: Diagram) {
        self.diagram = diagram
        edges = diagram.indexedEdges
        layout = LayeredLayout(nodeCount: diagram.nodes.count, edges: edges.map { ($0.from, $0.to) })
    }

    /// The sketch whose width fits `width`: labels wrap narrower as needed, and when even that
    /// is too wide the flow turns (top-down becomes left-right or the reverse); if nothing fits,
    /// the narrowest sketch in the requested direction (the canvas clips it).
    func sketch(fitting width: Int) -> DiagramSketch {
        let direction = diagram.direction
        let labelWidths = [24, 16, 12, 10]
        for vertical in [direction.isVertical, !direction.isVertical] {
            for labelWidth in labelWidths {
                let candidate = sketch(labelWidth: labelWidth, vertical: vertical)
                let result = oriented(candidate, vertical: vertical)
                if result.drawnWidth <= width { return result }
            }
        }
        return oriented(sketch(labelWidth: labelWidths.last!, vertical: direction.isVertical), vertical: direction.isVertical)
    }

    /// Mirrors a sketch for bottom-to-top and right-to-left flow, then marks nodes with an
    /// edge to themselves (which the layered layout leaves out) with `↻`: at their right when
    /// edges run vertically, on their top border when the right side carries edges.
    private func oriented(_ sketch: DiagramSketch, vertical: Bool) -> DiagramSketch {
        var result = diagram.direction.isMirrored ? sketch.mirrored(vertically: vertical) : sketch
        for node in Set(edges.filter { $0.from == $0.to }.map(\.from)).sorted() {
            let box = result.boxes[node]
            result.labels.append(vertical ? (box.x + box.width, box.y + box.height / 2, "↻")
                                          : (box.x + box.width - 3, box.y, "↻"))
        }
        return result
    }

    func boxes(labelWidth: Int) -> [DiagramSketch.Box] {
        diagram.nodes.map { node in
            let lines = wrap(node.label, width: labelWidth)
            let widest = lines.map(displayWidth).max() ?? 0
            let padding = node.shape == .diamond ? 6 : 4
            // Odd widths give every box a middle column, so centred boxes line up exactly.
            let width = (widest + padding) | 1
            return DiagramSketch.Box(x: 0, y: 0, width: width, height: lines.count + 2,
                                     lines: lines, shape: node.shape)
        }
    }

    /// The label of the edge a route draws, when the hop ends at its real target.
    func label(of route: LayeredLayout.Route, hop: Int) -> String {
        hop == route.vertices.count - 2 ? edges[route.edge].edge.label : ""
    }

    /// One step of a route between adjacent layers.
    struct Hop {
        let route: LayeredLayout.Route
        let hop: Int
        let upper: Int
        let lower: Int
    }

    var hops: [Hop] {
        layout.routes.flatMap { route in
            route.vertices.indices.dropLast().map { Hop(route: route, hop: $0, upper: route.vertices[$0], lower: route.vertices[$0 + 1]) }
        }
    }

    /// Every layout vertex's size: its box, or `dummy` for a dummy vertex.
    func vertexSizes(_ boxes: [DiagramSketch.Box], dummy: (width: Int, height: Int)) -> [(width: Int, height: Int)] {
        (0..<layout.vertexCount).map { layout.isDummy($0) ? dummy : (boxes[$0].width, boxes[$0].height) }
    }

    /// The hops leaving layer `layer`, and the sources among them whose hop must turn
    /// (`attach` gives where a vertex meets its edges across the flow), ordered by `attach`.
    func hops(leaving layer: Int, attach: (Int) -> Int) -> (hops: [Hop], turning: [Int]) {
        let leaving = hops.filter { layout.layerOf[$0.upper] == layer }
        let turning = Set(leaving.filter { attach($0.upper) != attach($0.lower) }.map(\.upper))
        return (leaving, turning.sorted { attach($0) < attach($1) })
    }

    /// Each vertex's position across the flow: every layer packed with `gap` cells between
    /// vertices and centred on the widest layer; also returns that widest extent.
    func packAcross(extent: (Int) -> Int, gap: Int) -> (positions: [Int], total: Int) {
        let extents = layout.layers.map { layer in layer.map(extent).reduce(0, +) + gap * max(0, layer.count - 1) }
        let total = extents.max() ?? 0
        var positions = Array(repeating: 0, count: layout.vertexCount)
        for (index, layer) in layout.layers.enumerated() {
            var cursor = (total - extents[index]) / 2
            for vertex in layer {
                positions[vertex] = cursor
                cursor += extent(vertex) + gap
            }
        }
        return (positions, total)
    }

    /// The stroke of the edge a dummy vertex belongs to.
    func stroke(through dummy: Int) -> Diagram.Stroke {
        let route = layout.routes.first { $0.vertices.contains(dummy) }
        return route.map { edges[$0.edge].edge.stroke } ?? .normal
    }

    /// Connects a hop's ends to the boxes: an arrowhead where the edge points, a junction on
    /// the border otherwise; dummies get neither.
    func markEnds(of hop: Hop, start: (x: Int, y: Int), end: (x: Int, y: Int), vertical: Bool,
                          in sketch: inout DiagramSketch) {
        let edge = edges[hop.route.edge].edge
        sketch.connect(x: start.x, y: start.y, vertical ? .up : .left, stroke: edge.stroke)
        sketch.connect(x: end.x, y: end.y, vertical ? .down : .right, stroke: edge.stroke)
        let arrowAtStart = hop.route.reversed && edge.hasArrow && hop.hop == 0
        let arrowAtEnd = !hop.route.reversed && edge.hasArrow && hop.hop == hop.route.vertices.count - 2
        if !layout.isDummy(hop.upper) {
            if arrowAtStart {
                sketch.arrows.append((start.x, start.y, vertical ? .up : .left))
            } else {
                sketch.junctions.append(vertical ? (start.x, start.y - 1, [.left, .right, .down])
                                                 : (start.x - 1, start.y, [.up, .down, .right]))
            }
        }
        if !layout.isDummy(hop.lower) {
            if arrowAtEnd {
                sketch.arrows.append((end.x, end.y, vertical ? .down : .right))
            } else {
                sketch.junctions.append(vertical ? (end.x, end.y + 1, [.left, .right, .up])
                                                 : (end.x + 1, end.y, [.up, .down, .left]))
            }
        }
    }

    func sketch(labelWidth: Int, vertical: Bool) -> DiagramSketch {
        vertical ? topDown(labelWidth: labelWidth) : leftRight(labelWidth: labelWidth)
    }
}

/// Splits text into lines of at most `width` display columns, at spaces where possible.
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ").map(String.init) {
        var word = word
        while displayWidth(word) > width {
            if !current.isEmpty { lines.append(current); current = "" }
            var head = ""
            for character in word {
                if displayWidth(head) + displayWidth(of: character) > width { break }
                head.append(character)
            }
            lines.append(head)
            word = String(word.dropFirst(head.count))
        }
        if current.isEmpty { current = word }
        else if displayWidth(current) + 1 + displayWidth(word) <= width { current += " " + word }
        else { lines.append(current); current = word }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
}
