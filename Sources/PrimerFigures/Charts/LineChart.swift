/// Several named lines over a shared x axis, such as training and validation loss per epoch.
///
///     let chart = LineChart(title: "Loss", xLabel: "epoch", yLabel: "cross-entropy") {
///         Series("train", trainLoss)
///         Series("validation", validationLoss)
///     }
///     print(chart.renderText(width: 72, color: true))
public struct LineChart: Codable, Equatable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]

    public init(title: String = "", xLabel: String = "", yLabel: String = "", series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    public init(title: String = "", xLabel: String = "", yLabel: String = "",
                @SeriesBuilder _ content: () -> [Series]) {
        self.init(title: title, xLabel: xLabel, yLabel: yLabel, series: content())
    }

    private var allPoints: [(x: Double, y: Double)] { series.flatMap(\.finitePoints) }
}

extension LineChart: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        let points = allPoints
        guard !points.isEmpty else { return TextPlaceholder.noData(title: title, width: width) }
        let useBraille = color || series.count == 1
        let legend = series.count > 1 || !(series.first?.name.isEmpty ?? true)
            ? series.enumerated().map { LegendEntry(name: $1.name, colorIndex: $0, glyph: useBraille ? "━" : Palette.glyph($0)) }
            : []
        let frame = TextPlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: legend,
                                  covering: points.map(\.x), points.map(\.y))
        return frame.render(width: width, color: color) { canvas, area in
            if useBraille {
                var dots = BrailleCanvas(area: area)
                for (index, line) in series.enumerated() {
                    forEachSegment(of: line) { a, b in
                        dots.line(from: dots.dot(x: a.x, y: a.y, in: area), to: dots.dot(x: b.x, y: b.y, in: area), owner: index)
                    }
                }
                dots.draw(into: &canvas, left: area.left, top: area.top, color: color)
            } else {
                for (index, line) in series.enumerated() {
                    forEachSegment(of: line) { a, b in
                        let start = (area.column(a.x), area.row(a.y))
                        let end = (area.column(b.x), area.row(b.y))
                        let steps = Int(max(abs(end.0 - start.0), abs(end.1 - start.1)).rounded(.up))
                        for step in 0...max(0, steps) {
                            let t = steps == 0 ? 0 : Double(step) / Double(steps)
                            canvas.put(Palette.glyph(index),
                                       x: area.left + Int((start.0 + (end.0 - start.0) * t).rounded()),
                                       y: area.top + Int((start.1 + (end.1 - start.1) * t).rounded()))
                        }
                    }
                }
            }
        }
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        let points = allPoints
        guard !points.isEmpty else {
            return SVGPlotFrame.noData(kind: "line-chart", title: title, embedStylesheet: embedStylesheet)
        }
        let legend = series.count > 1 || !(series.first?.name.isEmpty ?? true)
            ? series.enumerated().map { LegendEntry(name: $1.name, colorIndex: $0, glyph: "") } : []
        var frame = SVGPlotFrame(kind: "line-chart", title: title, xLabel: xLabel, yLabel: yLabel,
                                 x: NiceScale(covering: points.map(\.x), tickCount: 8),
                                 y: NiceScale(covering: points.map(\.y), tickCount: 6), legend: legend)
        for (index, line) in series.enumerated() {
            var run: [(Double, Double)] = []
            for point in line.points + [nil] {
                if let point { run.append((frame.px(point.x), frame.py(point.y))); continue }
                if run.count == 1 {
                    frame.svg.circle(cx: run[0].0, cy: run[0].1, r: 2.5, classes: "dot \(Palette.cssClass(index))")
                }
                frame.svg.polyline(run, classes: "series-line \(Palette.cssClass(index))")
                run = []
            }
        }
        return frame.finish(embedStylesheet: embedStylesheet)
    }

    /// Calls `body` for each pair of consecutive finite points (a lone point pairs with itself).
    private func forEachSegment(of line: Series, _ body: ((x: Double, y: Double), (x: Double, y: Double)) -> Void) {
        let points = line.points
        for (index, point) in points.enumerated() {
            guard let point else { continue }
            let previous = index > 0 ? points[index - 1] : nil
            let next = index + 1 < points.count ? points[index + 1] : nil
            if let previous { body(previous, point) } else if next == nil { body(point, point) }
        }
    }
}
