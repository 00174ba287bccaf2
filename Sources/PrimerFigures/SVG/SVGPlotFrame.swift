/// The axes, grid, ticks, title, axis labels and legend shared by the SVG charts, plus the
/// mapping from data to picture coordinates.
///
///     var frame = SVGPlotFrame(kind: "line-chart", title: "Loss", xLabel: "epoch", yLabel: "",
///                              x: xScale, y: yScale, legend: entries)
///     frame.svg.polyline(points.map { (frame.px($0.x), frame.py($0.y)) }, classes: "series-line s0")
///     let markup = frame.finish()
struct SVGPlotFrame {
    static let width = 640.0
    static let height = 400.0

    var svg: SVGWriter
    let x: NiceScale
    let y: NiceScale
    let left = 64.0
    let right = SVGPlotFrame.width - 20
    let top: Double
    let bottom: Double

    init(kind: String, title: String, xLabel: String, yLabel: String, x: NiceScale, y: NiceScale,
         legend: [LegendEntry], xTicks: Bool = true) {
        self.x = x
        self.y = y
        svg = SVGWriter(width: SVGPlotFrame.width, height: SVGPlotFrame.height, kind: kind, label: title)
        var top = title.isEmpty ? 16.0 : 40.0
        if !title.isEmpty {
            svg.text(title, x: SVGPlotFrame.width / 2, y: 24, anchor: .middle, classes: "title")
        }
        if !legend.isEmpty {
            var cursor = left
            for entry in legend {
                svg.rect(x: cursor, y: top - 9, width: 12, height: 12,
                         classes: "legend-swatch \(Palette.cssClass(entry.colorIndex))")
                svg.text(entry.name, x: cursor + 17, y: top + 1)
                cursor += 36 + Double(displayWidth(entry.name)) * 7
            }
            top += 18
        }
        self.top = top
        bottom = SVGPlotFrame.height - (xLabel.isEmpty ? 28 : 48)
        drawAxes(xLabel: xLabel, yLabel: yLabel, xTicks: xTicks)
    }

    /// The picture x of a data x.
    func px(_ value: Double) -> Double { left + x.fraction(value) * (right - left) }
    /// The picture y of a data y.
    func py(_ value: Double) -> Double { bottom - y.fraction(value) * (bottom - top) }

    private mutating func drawAxes(xLabel: String, yLabel: String, xTicks: Bool) {
        for tick in y.ticks {
            let position = py(tick)
            svg.line(x1: left, y1: position, x2: right, y2: position, classes: "grid")
            svg.text(y.label(tick), x: left - 6, y: position + 4, anchor: .end, classes: "tick")
        }
        if xTicks {
            for tick in x.ticks {
                let position = px(tick)
                svg.line(x1: position, y1: top, x2: position, y2: bottom, classes: "grid")
                svg.line(x1: position, y1: bottom, x2: position, y2: bottom + 4, classes: "axis")
                svg.text(x.label(tick), x: position, y: bottom + 17, anchor: .middle, classes: "tick")
            }
        }
        svg.polyline([(left, top), (left, bottom), (right, bottom)], classes: "axis")
        if !xLabel.isEmpty {
            svg.text(xLabel, x: (left + right) / 2, y: SVGPlotFrame.height - 10, anchor: .middle, classes: "axis-label")
        }
        if !yLabel.isEmpty {
            svg.text(yLabel, x: 16, y: (top + bottom) / 2, anchor: .middle, classes: "axis-label", rotate: true)
        }
    }

    func finish(embedStylesheet: Bool) -> String { svg.finish(embedStylesheet: embedStylesheet) }

    /// The small frame drawn in place of a chart that has nothing to show.
    static func noData(kind: String, title: String, embedStylesheet: Bool) -> String {
        var svg = SVGWriter(width: 240, height: 80, kind: kind, label: title)
        svg.rect(x: 1, y: 1, width: 238, height: 78, classes: "frame")
        if !title.isEmpty { svg.text(title, x: 120, y: 28, anchor: .middle, classes: "title") }
        svg.text("no data", x: 120, y: title.isEmpty ? 45 : 56, anchor: .middle, classes: "muted")
        return svg.finish(embedStylesheet: embedStylesheet)
    }
}
