/// A diagram placed on a character grid: boxes, line cells, arrowheads, junctions on box
/// borders and edge labels. Built for top-to-bottom or left-to-right flow, then mirrored for
/// bottom-to-top and right-to-left.
struct DiagramSketch {
    struct Box {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        let lines: [String]
        let shape: Diagram.Shape
    }

    /// Directions a line leaves a cell in.
    struct Ways: OptionSet {
        let rawValue: UInt8
        static let up = Ways(rawValue: 1)
        static let down = Ways(rawValue: 2)
        static let left = Ways(rawValue: 4)
        static let right = Ways(rawValue: 8)
    }

    enum Pointing { case up, down, left, right }

    var width = 0
    var height = 0
    var boxes: [Box] = []
    var lines: [Int: Ways] = [:]
    /// How straight line cells are drawn; a cell shared by different strokes is drawn normal.
    var strokes: [Int: Diagram.Stroke] = [:]
    var arrows: [(x: Int, y: Int, pointing: Pointing)] = []
    var junctions: [(x: Int, y: Int, ways: Ways)] = []
    var labels: [(x: Int, y: Int, text: String)] = []

    /// The width including labels that stick out to the right (self-loop marks).
    var drawnWidth: Int { max(width, labels.map { $0.x + displayWidth($0.text) }.max() ?? 0) }

    mutating func connect(x: Int, y: Int, _ ways: Ways, stroke: Diagram.Stroke = .normal) {
        let index = y * max(1, width) + x
        lines[index, default: []].formUnion(ways)
        if let existing = strokes[index], existing != stroke { strokes[index] = .normal } else { strokes[index] = stroke }
    }

    /// Draws an orthogonal path through `points` (each step horizontal or vertical).
    mutating func path(_ points: [(x: Int, y: Int)], stroke: Diagram.Stroke = .normal) {
        for (start, end) in zip(points, points.dropFirst()) {
            if start.y == end.y, start.x != end.x {
                for x in min(start.x, end.x)..<max(start.x, end.x) {
                    connect(x: x, y: start.y, .right, stroke: stroke)
                    connect(x: x + 1, y: start.y, .left, stroke: stroke)
                }
            } else if start.x == end.x, start.y != end.y {
                for y in min(start.y, end.y)..<max(start.y, end.y) {
                    connect(x: start.x, y: y, .down, stroke: stroke)
                    connect(x: start.x, y: y + 1, .up, stroke: stroke)
                }
            }
        }
    }

    /// The sketch turned upside down (`vertically`) or left to right.
    func mirrored(vertically: Bool) -> DiagramSketch {
        var result = DiagramSketch(width: width, height: height)
        func flip(_ x: Int, _ y: Int) -> (Int, Int) { vertically ? (x, height - 1 - y) : (width - 1 - x, y) }
        func flip(_ ways: Ways) -> Ways {
            var flipped = Ways()
            if ways.contains(.up) { flipped.insert(vertically ? .down : .up) }
            if ways.contains(.down) { flipped.insert(vertically ? .up : .down) }
            if ways.contains(.left) { flipped.insert(vertically ? .left : .right) }
            if ways.contains(.right) { flipped.insert(vertically ? .right : .left) }
            return flipped
        }
        result.boxes = boxes.map { box in
            var moved = box
            if vertically { moved.y = height - box.y - box.height } else { moved.x = width - box.x - box.width }
            return moved
        }
        for (index, ways) in lines {
            let (x, y) = flip(index % max(1, width), index / max(1, width))
            result.connect(x: x, y: y, flip(ways), stroke: strokes[index] ?? .normal)
        }
        result.arrows = arrows.map { arrow in
            let (x, y) = flip(arrow.x, arrow.y)
            let pointing: Pointing = switch arrow.pointing {
            case .up: vertically ? .down : .up
            case .down: vertically ? .up : .down
            case .left: vertically ? .left : .right
            case .right: vertically ? .right : .left
            }
            return (x, y, pointing)
        }
        result.junctions = junctions.map { junction in
            let (x, y) = flip(junction.x, junction.y)
            return (x, y, flip(junction.ways))
        }
        result.labels = labels.map { label in
            vertically ? (label.x, height - 1 - label.y, label.text)
                : (width - label.x - displayWidth(label.text), label.y, label.text)
        }
        return result
    }

    /// Draws the sketch into a canvas below `top`.
    func draw(into canvas: inout TextCanvas, top: Int, color: Bool) {
        let lineStyle: TextStyle = color ? .colored(244) : .plain
        for (index, ways) in lines {
            canvas.put(DiagramSketch.character(for: ways, stroke: strokes[index] ?? .normal),
                       x: index % max(1, width), y: top + index / max(1, width), style: lineStyle)
        }
        for box in boxes { drawBox(box, into: &canvas, top: top, color: color) }
        for junction in junctions {
            canvas.put(DiagramSketch.character(for: junction.ways), x: junction.x, y: top + junction.y,
                       style: color ? .colored(Palette.ansi(0)) : .plain)
        }
        for arrow in arrows {
            let glyph = switch arrow.pointing { case .up: "▲"; case .down: "▼"; case .left: "◀"; case .right: "▶" }
            canvas.put(glyph, x: arrow.x, y: top + arrow.y, style: lineStyle)
        }
        for label in labels {
            canvas.write(label.text, x: label.x, y: top + label.y, style: color ? .colored(Palette.ansi(6)) : .plain)
        }
    }

    private func drawBox(_ box: Box, into canvas: inout TextCanvas, top: Int, color: Bool) {
        let corners: [String] = switch box.shape {
        case .rectangle: ["┌", "┐", "└", "┘", "│", "│"]
        case .rounded: ["╭", "╮", "╰", "╯", "│", "│"]
        case .circle: ["╭", "╮", "╰", "╯", "(", ")"]
        case .diamond: ["╱", "╲", "╲", "╱", "<", ">"]
        }
        let border: TextStyle = color ? .colored(Palette.ansi(0)) : .plain
        let y0 = top + box.y
        let bottom = y0 + box.height - 1
        let right = box.x + box.width - 1
        canvas.put(corners[0], x: box.x, y: y0, style: border)
        canvas.put(corners[1], x: right, y: y0, style: border)
        canvas.put(corners[2], x: box.x, y: bottom, style: border)
        canvas.put(corners[3], x: right, y: bottom, style: border)
        for x in (box.x + 1)..<right {
            canvas.put("─", x: x, y: y0, style: border)
            canvas.put("─", x: x, y: bottom, style: border)
        }
        for y in (y0 + 1)..<bottom {
            for x in (box.x + 1)..<right { canvas.put(" ", x: x, y: y) }
            canvas.put(corners[4], x: box.x, y: y, style: border)
            canvas.put(corners[5], x: right, y: y, style: border)
        }
        for (offset, line) in box.lines.enumerated() {
            canvas.writeCentered(line, x: box.x + 1, span: box.width - 2, y: y0 + 1 + offset,
                                 style: TextStyle(bold: color))
        }
    }

    /// The box-drawing character for a cell with lines leaving in `ways`; straight runs of
    /// thick and dotted edges use heavy and dashed characters.
    static func character(for ways: Ways, stroke: Diagram.Stroke = .normal) -> String {
        let up = ways.contains(.up), down = ways.contains(.down)
        let left = ways.contains(.left), right = ways.contains(.right)
        if stroke != .normal, !(left || right) { return stroke == .thick ? "┃" : "┆" }
        if stroke != .normal, !(up || down) { return stroke == .thick ? "━" : "┄" }
        switch (up, down, left, right) {
        case (true, true, true, true): return "┼"
        case (true, true, false, true): return "├"
        case (true, true, true, false): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        case (false, true, false, true): return "┌"
        case (false, true, true, false): return "┐"
        case (true, false, false, true): return "└"
        case (true, false, true, false): return "┘"
        case (_, _, false, false): return "│"
        default: return "─"
        }
    }
}
