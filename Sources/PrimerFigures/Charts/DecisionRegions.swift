/// A classifier's predicted class over a grid covering an x/y range, drawn as shaded regions,
/// with the training points on top. The grid is filled by whoever has the classifier: ask
/// `cellCenters` for the points to classify, in the order `classes` expects.
///
///     let centers = DecisionRegions.cellCenters(x: -2...3, y: -1.5...2, columns: 60, rows: 40)
///     let predicted = centers.map { model.predict([$0.x, $0.y]) }
///     let figure = DecisionRegions(title: "k-NN, k = 5", x: -2...3, y: -1.5...2, columns: 60,
///                                  rows: 40, classes: predicted, pointsX: xs, pointsY: ys,
///                                  pointLabels: labels)
public struct DecisionRegions: Codable, Equatable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xMin: Double
    public var xMax: Double
    public var yMin: Double
    public var yMax: Double
    /// Grid size: `classes[row * columns + column]`, row 0 at `yMin`, column 0 at `xMin`.
    public var columns: Int
    public var rows: Int
    public var classes: [Int]
    @FiniteValuesCoding public var pointsX: [Double]
    @FiniteValuesCoding public var pointsY: [Double]
    public var pointLabels: [Int]
    public var classNames: [String]

    public init(title: String = "", xLabel: String = "", yLabel: String = "",
                x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int, classes: [Int],
                pointsX: [Double] = [], pointsY: [Double] = [], pointLabels: [Int] = [],
                classNames: [String] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        xMin = x.lowerBound
        xMax = x.upperBound
        yMin = y.lowerBound
        yMax = y.upperBound
        self.columns = columns
        self.rows = rows
        self.classes = classes
        self.pointsX = pointsX
        self.pointsY = pointsY
        self.pointLabels = pointLabels
        self.classNames = classNames
    }

    /// The centres of the grid cells in the order of `classes` (row by row from `yMin`).
    public static func cellCenters(x: ClosedRange<Double>, y: ClosedRange<Double>,
                                   columns: Int, rows: Int) -> [(x: Double, y: Double)] {
        let width = (x.upperBound - x.lowerBound) / Double(max(1, columns))
        let height = (y.upperBound - y.lowerBound) / Double(max(1, rows))
        var centers: [(x: Double, y: Double)] = []
        for row in 0..<max(0, rows) {
            let centerY = y.lowerBound + (Double(row) + 0.5) * height
            for column in 0..<max(0, columns) {
                centers.append((x: x.lowerBound + (Double(column) + 0.5) * width, y: centerY))
            }
        }
        return centers
    }

    /// The predicted class at a data point, nil outside the grid or when the grid is incomplete.
    func predictedClass(x: Double, y: Double) -> Int? {
        guard columns > 0, rows > 0, classes.count >= columns * rows, xMax > xMin, yMax > yMin else { return nil }
        let column = Int(((x - xMin) / (xMax - xMin) * Double(columns)).rounded(.down))
        let row = Int(((y - yMin) / (yMax - yMin) * Double(rows)).rounded(.down))
        guard (0..<columns).contains(column), (0..<rows).contains(row) else { return nil }
        return classes[row * columns + column]
    }

    private var points: [LabeledPoint] { LabeledPoint.finite(x: pointsX, y: pointsY, labels: pointLabels) }
    private var hasGrid: Bool { columns > 0 && rows > 0 && classes.count >= columns * rows && xMax > xMin && yMax > yMin }
    private var legendEntries: [LegendEntry] {
        LabeledPoint.legend(classes: Set(points.map(\.label) + classes), classNames: classNames)
    }
}

extension DecisionRegions: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        guard hasGrid else { return TextPlaceholder.noData(title: title, width: width) }
        // Without colour the legend shows each class's shading next to its marker.
        let legend = legendEntries.map {
            LegendEntry(name: $0.name, colorIndex: $0.colorIndex, glyph: color ? $0.glyph : Palette.shade($0.colorIndex) + $0.glyph)
        }
        let frame = TextPlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: legend,
                                  xScale: { NiceScale(exactly: xMin, xMax, tickCount: $0) },
                                  yScale: { NiceScale(exactly: yMin, yMax, tickCount: $0) })
        return frame.render(width: width, color: color) { canvas, area in
            for row in 0..<area.rows {
                for column in 0..<area.columns {
                    let x = xMin + (Double(column) + 0.5) / Double(area.columns) * (xMax - xMin)
                    let y = yMax - (Double(row) + 0.5) / Double(area.rows) * (yMax - yMin)
                    guard let predicted = predictedClass(x: x, y: y) else { continue }
                    if color {
                        canvas.setBackground(Palette.ansiDark(predicted), x: area.left + column, y: area.top + row)
                    } else {
                        canvas.put(Palette.shade(predicted), x: area.left + column, y: area.top + row)
                    }
                }
            }
            for point in points {
                let column = Int(((point.x - xMin) / (xMax - xMin) * Double(area.columns)).rounded(.down))
                let row = Int(((yMax - point.y) / (yMax - yMin) * Double(area.rows)).rounded(.down))
                guard (0..<area.columns).contains(column), (0..<area.rows).contains(row) else { continue }
                let region = predictedClass(x: point.x, y: point.y)
                var style = TextStyle.colored(Palette.ansi(point.label), bold: true)
                style.background = region.map(Palette.ansiDark)
                canvas.put(Palette.glyph(point.label), x: area.left + column, y: area.top + row,
                           style: color ? style : .plain)
            }
        }
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        guard hasGrid else {
            return SVGPlotFrame.noData(kind: "decision-regions", title: title, embedStylesheet: embedStylesheet)
        }
        var frame = SVGPlotFrame(kind: "decision-regions", title: title, xLabel: xLabel, yLabel: yLabel,
                                 x: NiceScale(exactly: xMin, xMax, tickCount: 8),
                                 y: NiceScale(exactly: yMin, yMax, tickCount: 6), legend: legendEntries)
        let cellWidth = (xMax - xMin) / Double(columns)
        let cellHeight = (yMax - yMin) / Double(rows)
        for row in 0..<rows {
            var column = 0
            while column < columns {
                let predicted = classes[row * columns + column]
                var end = column + 1
                while end < columns, classes[row * columns + end] == predicted { end += 1 }
                let left = frame.px(xMin + Double(column) * cellWidth)
                let top = frame.py(yMin + Double(row + 1) * cellHeight)
                frame.svg.rect(x: left, y: top, width: frame.px(xMin + Double(end) * cellWidth) - left,
                               height: frame.py(yMin + Double(row) * cellHeight) - top,
                               classes: "region \(Palette.cssClass(predicted))", extra: " shape-rendering=\"crispEdges\"")
                column = end
            }
        }
        for point in points where (xMin...xMax).contains(point.x) && (yMin...yMax).contains(point.y) {
            frame.svg.circle(cx: frame.px(point.x), cy: frame.py(point.y), r: 3.5,
                             classes: "point \(Palette.cssClass(point.label))")
        }
        return frame.finish(embedStylesheet: embedStylesheet)
    }
}
