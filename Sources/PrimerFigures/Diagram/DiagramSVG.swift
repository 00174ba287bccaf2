/// Lays a diagram out in picture coordinates: boxes sized to their labels, layers spaced
/// apart, edges as smooth curves through their dummy vertices, arrowheads as small triangles.
struct DiagramSVGLayout {
    private struct Geometry {
        var x: [Double]  // centres
        var y: [Double]
        var width: [Double]
        var height: [Double]
        var totalWidth: Double
        var totalHeight: Double
    }

    let diagram: Diagram
    let layout: LayeredLayout
    let edges: [(from: Int, to: Int, edge: Diagram.Edge)]
    private let lines: [[String]]

    init(diagram: Diagram) {
        self.diagram = diagram
        edges = diagram.indexedEdges
        layout = LayeredLayout(nodeCount: diagram.nodes.count, edges: edges.map { ($0.from, $0.to) })
        lines = diagram.nodes.map { wrap($0.label, width: 22) }
    }

    private func nodeSize(_ node: Int) -> (width: Double, height: Double) {
        let widest = Double(lines[node].map(displayWidth).max() ?? 0)
        let diamond = diagram.nodes[node].shape == .diamond
        return (max(64, widest * 7.4 + (diamond ? 56 : 26)), Double(lines[node].count) * 16 + (diamond ? 30 : 16))
    }

    private func geometry() -> Geometry {
        let vertical = diagram.direction.isVertical
        let count = layout.vertexCount
        var width = Array(repeating: 8.0, count: count)
        var height = Array(repeating: 8.0, count: count)
        for node in 0..<layout.nodeCount { (width[node], height[node]) = nodeSize(node) }
        // "Along" runs with the flow, "across" inside a layer.
        let along = vertical ? height : width
        let across = vertical ? width : height
        let gapAcross = vertical ? 28.0 : 18.0
        let hasLabels = edges.contains { !$0.edge.label.isEmpty }
        let labelRoom = vertical ? (hasLabels ? 20.0 : 0) : Double(edges.map { displayWidth($0.edge.label) }.max() ?? 0) * 7
        let gapAlong = (vertical ? 52.0 : 64.0) + labelRoom
        let layerExtent = layout.layers.map { layer in layer.map { across[$0] }.reduce(0, +) + gapAcross * Double(max(0, layer.count - 1)) }
        let totalAcross = (layerExtent.max() ?? 0) + 32
        var alongPosition = Array(repeating: 0.0, count: count)
        var acrossPosition = Array(repeating: 0.0, count: count)
        var cursor = 16.0 + (diagram.title.isEmpty || !vertical ? 0 : 28)
        for (index, layer) in layout.layers.enumerated() {
            let thickness = layer.map { along[$0] }.max() ?? 0
            var offset = (totalAcross - layerExtent[index]) / 2
            for vertex in layer {
                alongPosition[vertex] = cursor + thickness / 2
                acrossPosition[vertex] = offset + across[vertex] / 2
                offset += across[vertex] + gapAcross
            }
            cursor += thickness + gapAlong
        }
        let totalAlong = cursor - gapAlong + 16
        if vertical {
            return Geometry(x: acrossPosition, y: alongPosition, width: width, height: height,
                            totalWidth: totalAcross, totalHeight: totalAlong)
        }
        let top = diagram.title.isEmpty ? 0.0 : 28
        return Geometry(x: alongPosition, y: acrossPosition.map { $0 + top }, width: width, height: height,
                        totalWidth: totalAlong, totalHeight: totalAcross + top)
    }

    func render(embedStylesheet: Bool) -> String {
        var geometry = self.geometry()
        let vertical = diagram.direction.isVertical
        if diagram.direction == .bottomToTop {
            let top = diagram.title.isEmpty ? 0.0 : 28
            geometry.y = geometry.y.map { geometry.totalHeight + top - $0 }
        }
        if diagram.direction == .rightToLeft { geometry.x = geometry.x.map { geometry.totalWidth - $0 } }
        let loops = edges.filter { $0.from == $0.to }
        if !loops.isEmpty {  // room for the loops: right of the nodes, or above them
            if vertical {
                geometry.totalWidth += 28 + Double(loops.map { displayWidth($0.edge.label) }.max() ?? 0) * 7
            } else {
                geometry.y = geometry.y.map { $0 + 28 }
                geometry.totalHeight += 28
            }
        }
        var svg = SVGWriter(width: max(geometry.totalWidth, 120), height: geometry.totalHeight, kind: "diagram",
                            label: diagram.title)
        if !diagram.title.isEmpty {
            svg.text(diagram.title, x: max(geometry.totalWidth, 120) / 2, y: 22, anchor: .middle, classes: "title")
        }
        let sign: Double = diagram.direction.isMirrored ? -1 : 1
        /// Where an edge leaves (`outgoing`) or enters a vertex, on the side facing the flow.
        func port(_ vertex: Int, outgoing: Bool) -> (Double, Double) {
            let half = (vertical ? geometry.height[vertex] : geometry.width[vertex]) / 2
            let shift = layout.isDummy(vertex) ? 0 : (outgoing ? half : -half) * sign
            return vertical ? (geometry.x[vertex], geometry.y[vertex] + shift) : (geometry.x[vertex] + shift, geometry.y[vertex])
        }
        for route in layout.routes {
            let edge = edges[route.edge].edge
            var points = [port(route.vertices[0], outgoing: true)]
            for vertex in route.vertices.dropFirst().dropLast() { points.append((geometry.x[vertex], geometry.y[vertex])) }
            points.append(port(route.vertices.last!, outgoing: false))
            var d = "M\(n(points[0].0)),\(n(points[0].1))"
            for (p, q) in zip(points, points.dropFirst()) {
                let (c1, c2) = vertical
                    ? ((p.0, (p.1 + q.1) / 2), (q.0, (p.1 + q.1) / 2))
                    : (((p.0 + q.0) / 2, p.1), ((p.0 + q.0) / 2, q.1))
                d += " C\(n(c1.0)),\(n(c1.1)) \(n(c2.0)),\(n(c2.1)) \(n(q.0)),\(n(q.1))"
            }
            let strokeClass = edge.stroke == .thick ? " edge-thick" : edge.stroke == .dotted ? " edge-dotted" : ""
            svg.path(d, classes: "edge\(strokeClass)")
            if edge.hasArrow {
                let tip = route.reversed ? points[0] : points[points.count - 1]
                let direction = (route.reversed ? -1.0 : 1.0) * sign
                svg.polygon(arrowhead(tip: tip, vertical: vertical, direction: direction), classes: "arrow")
            }
            if !edge.label.isEmpty, points.count >= 2 {
                let p = points[points.count - 2], q = points[points.count - 1]
                let mid = ((p.0 + q.0) / 2, (p.1 + q.1) / 2)
                if vertical {
                    svg.text(edge.label, x: mid.0 + 6, y: mid.1 + 4, classes: "tick")
                } else {
                    svg.text(edge.label, x: mid.0, y: mid.1 - 6, anchor: .middle, classes: "tick")
                }
            }
        }
        for loop in loops {
            let (cx, cy) = (geometry.x[loop.from], geometry.y[loop.from])
            let (w, h) = (geometry.width[loop.from], geometry.height[loop.from])
            let (start, c1, c2, end, labelAt): ((Double, Double), (Double, Double), (Double, Double), (Double, Double), (Double, Double))
            if vertical {
                let side = cx + w / 2
                (start, c1, c2, end) = ((side, cy - 6), (side + 34, cy - 26), (side + 34, cy + 26), (side, cy + 6))
                labelAt = (side + 30, cy + 4)
            } else {
                let top = cy - h / 2
                (start, c1, c2, end) = ((cx - 6, top), (cx - 26, top - 34), (cx + 26, top - 34), (cx + 6, top))
                labelAt = (cx + 22, top - 18)
            }
            let d = "M\(n(start.0)),\(n(start.1)) C\(n(c1.0)),\(n(c1.1)) \(n(c2.0)),\(n(c2.1)) \(n(end.0)),\(n(end.1))"
            svg.path(d, classes: "edge")
            if loop.edge.hasArrow {
                svg.polygon(arrowhead(tip: end, vertical: !vertical, direction: vertical ? -1 : 1), classes: "arrow")
            }
            if !loop.edge.label.isEmpty { svg.text(loop.edge.label, x: labelAt.0, y: labelAt.1, classes: "tick") }
        }
        for (node, item) in diagram.nodes.enumerated() {
            let (cx, cy, w, h) = (geometry.x[node], geometry.y[node], geometry.width[node], geometry.height[node])
            switch item.shape {
            case .diamond:
                svg.polygon([(cx, cy - h / 2), (cx + w / 2, cy), (cx, cy + h / 2), (cx - w / 2, cy)], classes: "node")
            case .rectangle, .rounded, .circle:
                let radius = item.shape == .rectangle ? 3 : item.shape == .rounded ? 10 : h / 2
                svg.rect(x: cx - w / 2, y: cy - h / 2, width: w, height: h, classes: "node",
                         extra: " rx=\"\(n(radius))\"")
            }
            let first = cy - Double(lines[node].count - 1) * 8 + 4
            for (index, line) in lines[node].enumerated() {
                svg.text(line, x: cx, y: first + Double(index) * 16, anchor: .middle)
            }
        }
        return svg.finish(embedStylesheet: embedStylesheet)
    }

    /// A triangle whose point touches `tip`, pointing along the flow (`direction` ±1).
    private func arrowhead(tip: (Double, Double), vertical: Bool, direction: Double) -> [(Double, Double)] {
        let back = 9.0 * direction
        return vertical
            ? [tip, (tip.0 - 4.5, tip.1 - back), (tip.0 + 4.5, tip.1 - back)]
            : [tip, (tip.0 - back, tip.1 - 4.5), (tip.0 - back, tip.1 + 4.5)]
    }

    private func n(_ value: Double) -> String { SVGWriter.coordinate(value) }
}

extension Diagram: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        guard !nodes.isEmpty else { return TextPlaceholder.noData(title: title, width: width) }
        let sketch = DiagramTextLayout(diagram: self).sketch(fitting: width)
        let top = title.isEmpty ? 0 : 2
        var canvas = TextCanvas(width: min(width, max(sketch.drawnWidth, displayWidth(title))), height: sketch.height + top)
        if !title.isEmpty { canvas.writeCentered(title, x: 0, span: canvas.width, y: 0, style: TextStyle(bold: true)) }
        sketch.draw(into: &canvas, top: top, color: color)
        return canvas.render(color: color)
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        guard !nodes.isEmpty else {
            return SVGPlotFrame.noData(kind: "diagram", title: title, embedStylesheet: embedStylesheet)
        }
        return DiagramSVGLayout(diagram: self).render(embedStylesheet: embedStylesheet)
    }
}
