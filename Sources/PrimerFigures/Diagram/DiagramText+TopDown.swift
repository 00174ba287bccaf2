extension DiagramTextLayout {
    /// Layers as rows: boxes packed left to right in each, a channel row per source that
    /// turns sideways, an optional label row and an arrow row between layers.
    func topDown(labelWidth: Int) -> DiagramSketch {
        var boxes = self.boxes(labelWidth: labelWidth)
        let layers = layout.layers
        let sizes = vertexSizes(boxes, dummy: (1, 0))
        func size(_ v: Int) -> (width: Int, height: Int) { sizes[v] }
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
            let (here, turning) = hops(leaving: index, attach: center)
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
}
