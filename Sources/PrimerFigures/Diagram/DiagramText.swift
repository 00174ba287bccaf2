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
                if candidate.width <= width { return oriented(candidate, vertical: vertical) }
            }
        }
        return oriented(sketch(labelWidth: labelWidths.last!, vertical: direction.isVertical), vertical: direction.isVertical)
    }

    /// Mirrors a sketch for bottom-to-top and right-to-left flow.
    private func oriented(_ sketch: DiagramSketch, vertical: Bool) -> DiagramSketch {
        guard diagram.direction.isMirrored else { return sketch }
        return sketch.mirrored(vertically: vertical)
    }

    private func boxes(labelWidth: Int) -> [DiagramSketch.Box] {
        diagram.nodes.map { node in
            let lines = wrap(node.label, width: labelWidth)
            let widest = lines.map(displayWidth).max() ?? 0
            let padding = node.shape == .diamond ? 6 : 4
            return DiagramSketch.Box(x: 0, y: 0, width: widest + padding, height: lines.count + 2,
                                     lines: lines, shape: node.shape)
        }
    }

    /// The label of the edge a route draws, when the hop ends at its real target.
    private func label(of route: LayeredLayout.Route, hop: Int) -> String {
        hop == route.vertices.count - 2 ? edges[route.edge].edge.label : ""
    }

    /// One step of a route between adjacent layers.
    private struct Hop {
        let route: LayeredLayout.Route
        let hop: Int
        let upper: Int
        let lower: Int
    }

    private var hops: [Hop] {
        layout.routes.flatMap { route in
            route.vertices.indices.dropLast().map { Hop(route: route, hop: $0, upper: route.vertices[$0], lower: route.vertices[$0 + 1]) }
        }
    }

    /// Each vertex's position across the flow: every layer packed with `gap` cells between
    /// vertices and centred on the widest layer; also returns that widest extent.
    private func packAcross(extent: (Int) -> Int, gap: Int) -> (positions: [Int], total: Int) {
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
    private func stroke(through dummy: Int) -> Diagram.Stroke {
        let route = layout.routes.first { $0.vertices.contains(dummy) }
        return route.map { edges[$0.edge].edge.stroke } ?? .normal
    }

    /// Connects a hop's ends to the boxes: an arrowhead where the edge points, a junction on
    /// the border otherwise; dummies get neither.
    private func markEnds(of hop: Hop, start: (x: Int, y: Int), end: (x: Int, y: Int), vertical: Bool,
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

    private func sketch(labelWidth: Int, vertical: Bool) -> DiagramSketch {
        vertical ? topDown(labelWidth: labelWidth) : leftRight(labelWidth: labelWidth)
    }

    // MARK: Top to bottom

    private func topDown(labelWidth: Int) -> DiagramSketch {
        var boxes = self.boxes(labelWidth: labelWidth)
        let layers = layout.layers
        func size(_ v: Int) -> (width: Int, height: Int) {
            layout.isDummy(v) ? (1, 0) : (boxes[v].width, boxes[v].height)
        }
        let (x, totalWidth) = packAcross(extent: { size($0).width }, gap: 3)
        func center(_ v: Int) -> Int { x[v] + size(v).width / 2 }
        var layerTop = Array(repeating: 0, count: layers.count)
        let layerHeight = layers.map { layer in max(1, layer.map { size($0).height }.max() ?? 1) }
        var channelRow: [Int: Int] = [:]
        var labelRow: [Int: Int] = [:]
        var cursor = 0
        for index in layers.indices {
            layerTop[index] = cursor
            cursor += layerHeight[index]
            guard index + 1 < layers.count else { break }
            let here = hops.filter { layout.layerOf[$0.upper] == index }
            let turning = Array(Set(here.filter { center($0.upper) != center($0.lower) }.map(\.upper)))
                .sorted { center($0) < center($1) }
            for (offset, vertex) in turning.enumerated() { channelRow[vertex] = cursor + offset }
            let firstChannel = cursor
            cursor += max(1, turning.count)
            if here.contains(where: { !label(of: $0.route, hop: $0.hop).isEmpty }) {
                labelRow[index] = cursor
                cursor += 1
            }
            for vertex in layers[index] where channelRow[vertex] == nil { channelRow[vertex] = firstChannel }
            cursor += 1  // arrow row
        }

        var sketch = DiagramSketch(width: totalWidth, height: cursor)
        for node in 0..<layout.nodeCount {
            boxes[node].x = x[node]
            boxes[node].y = layerTop[layout.layerOf[node]]
        }
        sketch.boxes = boxes
        for vertex in layout.layers.joined() where layout.isDummy(vertex) {
            let layer = layout.layerOf[vertex]
            sketch.path([(center(vertex), layerTop[layer] - 1), (center(vertex), layerTop[layer] + layerHeight[layer])],
                        stroke: stroke(through: vertex))
        }
        var usedLabelSpans: [Int: Int] = [:]
        for hop in hops {
            let layer = layout.layerOf[hop.upper]
            let (sx, tx) = (center(hop.upper), center(hop.lower))
            let startY = layout.isDummy(hop.upper) ? layerTop[layer] + layerHeight[layer] : boxes[hop.upper].y + boxes[hop.upper].height
            let endY = layerTop[layer + 1] - 1
            let channel = channelRow[hop.upper]!
            sketch.path([(sx, startY), (sx, channel), (tx, channel), (tx, endY)], stroke: edges[hop.route.edge].edge.stroke)
            markEnds(of: hop, start: (sx, startY), end: (tx, endY), vertical: true, in: &sketch)
            let text = label(of: hop.route, hop: hop.hop)
            if !text.isEmpty, let row = labelRow[layer] {
                let start = max(usedLabelSpans[row] ?? 0, tx - displayWidth(text) / 2)
                sketch.labels.append((start, row, text))
                usedLabelSpans[row] = start + displayWidth(text) + 1
            }
        }
        return sketch
    }

    // MARK: Left to right

    private func leftRight(labelWidth: Int) -> DiagramSketch {
        var boxes = self.boxes(labelWidth: labelWidth)
        let layers = layout.layers
        func size(_ v: Int) -> (width: Int, height: Int) {
            layout.isDummy(v) ? (1, 1) : (boxes[v].width, boxes[v].height)
        }
        let (y, totalHeight) = packAcross(extent: { size($0).height }, gap: 1)
        func middle(_ v: Int) -> Int { y[v] + size(v).height / 2 }
        let layerWidth = layers.map { layer in layer.map { size($0).width }.max() ?? 1 }
        var layerLeft = Array(repeating: 0, count: layers.count)
        var channelColumn: [Int: Int] = [:]
        var labelSpan: [Int: (start: Int, width: Int)] = [:]
        var cursor = 0
        for index in layers.indices {
            layerLeft[index] = cursor
            cursor += layerWidth[index]
            guard index + 1 < layers.count else { break }
            let here = hops.filter { layout.layerOf[$0.upper] == index }
            let turning = Array(Set(here.filter { middle($0.upper) != middle($0.lower) }.map(\.upper)))
                .sorted { middle($0) < middle($1) }
            cursor += 1
            for (offset, vertex) in turning.enumerated() { channelColumn[vertex] = cursor + offset }
            for vertex in layers[index] where channelColumn[vertex] == nil { channelColumn[vertex] = cursor }
            cursor += max(1, turning.count)
            let widest = here.map { displayWidth(label(of: $0.route, hop: $0.hop)) }.max() ?? 0
            if widest > 0 {
                labelSpan[index] = (cursor, widest + 2)
                cursor += widest + 2
            }
            cursor += 1  // arrow column
        }

        var sketch = DiagramSketch(width: cursor, height: totalHeight)
        for node in 0..<layout.nodeCount {
            let layer = layout.layerOf[node]
            boxes[node].x = layerLeft[layer] + (layerWidth[layer] - boxes[node].width) / 2
            boxes[node].y = y[node]
        }
        sketch.boxes = boxes
        for vertex in layout.layers.joined() where layout.isDummy(vertex) {
            let layer = layout.layerOf[vertex]
            sketch.path([(layerLeft[layer] - 1, y[vertex]), (layerLeft[layer] + layerWidth[layer], y[vertex])],
                        stroke: stroke(through: vertex))
        }
        for hop in hops {
            let layer = layout.layerOf[hop.upper]
            let (sy, ty) = (middle(hop.upper), middle(hop.lower))
            let startX = layout.isDummy(hop.upper) ? layerLeft[layer] + layerWidth[layer] : boxes[hop.upper].x + boxes[hop.upper].width
            let endX = layout.isDummy(hop.lower) ? layerLeft[layer + 1] - 1 : boxes[hop.lower].x - 1
            let channel = channelColumn[hop.upper]!
            sketch.path([(startX, sy), (channel, sy), (channel, ty), (endX, ty)], stroke: edges[hop.route.edge].edge.stroke)
            markEnds(of: hop, start: (startX, sy), end: (endX, ty), vertical: false, in: &sketch)
            let text = label(of: hop.route, hop: hop.hop)
            if !text.isEmpty, let span = labelSpan[layer] {
                sketch.labels.append((span.start + (span.width - displayWidth(text)) / 2, ty, text))
            }
        }
        return sketch
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
