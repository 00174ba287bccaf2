extension DiagramTextLayout {
    /// Layers as columns: boxes stacked top to bottom in each, a channel column per source
    /// that turns, room for edge labels and an arrow column between layers.
    func leftRight(labelWidth: Int) -> DiagramSketch {
        var boxes = self.boxes(labelWidth: labelWidth)
        let layers = layout.layers
        let sizes = vertexSizes(boxes, dummy: (1, 1))
        func size(_ v: Int) -> (width: Int, height: Int) { sizes[v] }
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
            let (here, turning) = hops(leaving: index, attach: middle)
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
