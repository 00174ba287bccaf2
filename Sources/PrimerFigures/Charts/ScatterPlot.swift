/// Points in the plane coloured by class label, such as a 2-D data set or an embedding.
///
///     let plot = ScatterPlot(title: "Two moons", x: xs, y: ys, labels: classes,
///                            classNames: ["upper", "lower"])
///     print(plot.renderText(width: 60, color: true))
public struct ScatterPlot: Codable, Equatable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    @FiniteValuesCoding public var x: [Double]
    @FiniteValuesCoding public var y: [Double]
    /// One class index per point (0 for all when omitted).
    public var labels: [Int]
    /// Names for class 0, 1, …; the legend shows them when given.
    public var classNames: [String]

    public init(title: String = "", xLabel: String = "", yLabel: String = "",
                x: [Double], y: [Double], labels: [Int]? = nil, classNames: [String] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        self.labels = labels ?? Array(repeating: 0, count: min(x.count, y.count))
        self.classNames = classNames
    }
}

/// A point with its class, as the scatter-like charts draw it.
struct LabeledPoint {
    let x: Double
    let y: Double
    let label: Int

    /// The points with finite coordinates; a missing label counts as class 0. Labels may be
    /// negative (SVMs use -1 and +1); colours wrap around the palette.
    static func finite(x: [Double], y: [Double], labels: [Int]) -> [LabeledPoint] {
        zip(x, y).enumerated().compactMap { index, pair in
            guard pair.0.isFinite, pair.1.isFinite else { return nil }
            return LabeledPoint(x: pair.0, y: pair.1, label: index < labels.count ? labels[index] : 0)
        }
    }

    /// Legend entries for the classes present, named when names are given.
    static func legend(for points: [LabeledPoint], classNames: [String]) -> [LegendEntry] {
        legend(classes: Set(points.map(\.label)), classNames: classNames)
    }

    /// Legend entries for `classes` and every named class; none when there is a single
    /// unnamed class.
    static func legend(classes present: Set<Int>, classNames: [String]) -> [LegendEntry] {
        let classes = present.union(classNames.indices).sorted()
        guard classes.count > 1 || !classNames.isEmpty else { return [] }
        return classes.map { LegendEntry(name: classNames.indices.contains($0) ? classNames[$0] : "class \($0)",
                                         colorIndex: $0, glyph: Palette.glyph($0)) }
    }
}

extension ScatterPlot: RenderableFigure {
    private var points: [LabeledPoint] { LabeledPoint.finite(x: x, y: y, labels: labels) }

    public func renderText(width: Int, color: Bool) -> String {
        let points = self.points
        guard !points.isEmpty else { return TextPlaceholder.noData(title: title, width: width) }
        let useBraille = color || Set(points.map(\.label)).count == 1
        let legend = LabeledPoint.legend(for: points, classNames: classNames).map {
            LegendEntry(name: $0.name, colorIndex: $0.colorIndex, glyph: useBraille ? "⣿" : $0.glyph)
        }
        let frame = TextPlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: legend,
                                  covering: points.map(\.x), points.map(\.y))
        return frame.render(width: width, color: color) { canvas, area in
            if useBraille {
                var dots = BrailleCanvas(area: area)
                for point in points {
                    let (x, y) = dots.dot(x: point.x, y: point.y, in: area)
                    dots.set(Int(x.rounded()), Int(y.rounded()), owner: point.label)
                }
                dots.draw(into: &canvas, left: area.left, top: area.top, color: color)
            } else {
                for point in points {
                    canvas.put(Palette.glyph(point.label), x: area.left + Int(area.column(point.x).rounded()),
                               y: area.top + Int(area.row(point.y).rounded()))
                }
            }
        }
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        let points = self.points
        guard !points.isEmpty else {
            return SVGPlotFrame.noData(kind: "scatter-plot", title: title, embedStylesheet: embedStylesheet)
        }
        var frame = SVGPlotFrame(kind: "scatter-plot", title: title, xLabel: xLabel, yLabel: yLabel,
                                 x: NiceScale(covering: points.map(\.x), tickCount: 8),
                                 y: NiceScale(covering: points.map(\.y), tickCount: 6),
                                 legend: LabeledPoint.legend(for: points, classNames: classNames))
        let radius = points.count > 2000 ? 1.5 : points.count > 300 ? 2.5 : 3.5
        for point in points {
            frame.svg.circle(cx: frame.px(point.x), cy: frame.py(point.y), r: radius,
                             classes: "dot \(Palette.cssClass(point.label))")
        }
        return frame.finish(embedStylesheet: embedStylesheet)
    }
}
