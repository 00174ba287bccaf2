/// A matrix drawn as shaded cells with row and column labels: a confusion matrix with its
/// counts printed, or a layer's weights.
///
///     let confusion = Heatmap(title: "Confusion", rowLabels: digits, columnLabels: digits,
///                             values: counts, xLabel: "predicted", yLabel: "true")
public struct Heatmap: Codable, Equatable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var rows: Int
    public var columns: Int
    /// Row-major values, `rows × columns`.
    @FiniteValuesCoding public var values: [Double]
    /// Print each cell's value; nil prints them when the matrix has at most 20 columns.
    public var showValues: Bool?

    public init(title: String = "", rowLabels: [String] = [], columnLabels: [String] = [],
                values: [[Double]], xLabel: String = "", yLabel: String = "", showValues: Bool? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        rows = values.count
        columns = values.map(\.count).max() ?? 0
        self.values = values.flatMap { $0 + Array(repeating: Double.nan, count: (values.map(\.count).max() ?? 0) - $0.count) }
        self.showValues = showValues
    }

    func value(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// The smallest and largest finite values, nil when there are none.
    var finiteRange: ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    /// Each cell's position between the smallest and largest finite values (0...1), nil for
    /// non-finite cells; row-major like `values`.
    func intensities() -> [Double?] {
        guard let range = finiteRange else { return values.map { _ in nil } }
        let span = range.upperBound - range.lowerBound
        return values.map { value in
            guard value.isFinite else { return nil }
            return span > 0 ? (value - range.lowerBound) / span : 0.5
        }
    }

    private var printsValues: Bool { showValues ?? (columns <= 20) }
    private var isEmpty: Bool { rows == 0 || columns == 0 || values.count != rows * columns }
    private func label(_ labels: [String], _ index: Int) -> String { index < labels.count ? labels[index] : "" }
}

extension Heatmap: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        guard !isEmpty else { return TextPlaceholder.noData(title: title, width: width) }
        let texts = values.map { $0.isFinite ? NumberFormat.compact($0, significant: 3) : "" }
        let labelWidth = min(max(displayWidth(yLabel), rowLabels.map(displayWidth).max() ?? 0), max(0, width / 4))
        let left = labelWidth == 0 ? 0 : labelWidth + 1
        let wanted = printsValues ? max(texts.map(displayWidth).max() ?? 1, columnLabels.map(displayWidth).max() ?? 0) + 1 : 2
        // A matrix wider than the terminal is drawn in blocks of `merge` columns, averaged.
        let merge = max(1, (columns + max(1, width - left) - 1) / max(1, width - left))
        let shownColumns = (columns + merge - 1) / merge
        let cellWidth = max(1, min(wanted, (width - left) / shownColumns))
        let showNumbers = merge == 1 && printsValues && cellWidth > (texts.map(displayWidth).max() ?? 0)
        var canvas = TextCanvas(width: width, height: 0)
        canvas.appendCentered(title, style: TextStyle(bold: true))
        canvas.appendCentered(xLabel, x: left, span: cellWidth * shownColumns)
        canvas.appendLeft(yLabel, width: labelWidth)
        if !columnLabels.isEmpty, cellWidth >= 2, merge == 1 {
            let line = canvas.addLine()
            for column in 0..<columns {
                canvas.write(label(columnLabels, column).padded(toWidth: cellWidth - 1, alignment: .right),
                             x: left + column * cellWidth, y: line)
            }
        }
        let shades = [" ", "░", "▒", "▓", "█"]
        let intensities = self.intensities()
        for matrixRow in 0..<rows {
            let line = canvas.addLine()
            canvas.write(label(rowLabels, matrixRow).padded(toWidth: labelWidth, alignment: .right), x: 0, y: line)
            for column in 0..<shownColumns {
                let index = matrixRow * columns + column * merge
                let block = intensities[index..<(matrixRow * columns + min(columns, (column + 1) * merge))].compactMap { $0 }
                guard !block.isEmpty else { continue }
                let t = block.reduce(0, +) / Double(block.count)
                let x = left + column * cellWidth
                var style = TextStyle.plain
                if color {
                    style.background = 232 + UInt8((t * 23).rounded())
                    style.foreground = t > 0.55 ? 16 : 255
                }
                let fill = color || showNumbers ? " " : shades[Int((t * 4).rounded())]
                for offset in 0..<cellWidth { canvas.put(fill, x: x + offset, y: line, style: style) }
                if showNumbers {
                    canvas.write(texts[index].padded(toWidth: cellWidth - 1, alignment: .right), x: x, y: line, style: style)
                }
            }
        }
        if let range = finiteRange, !showNumbers || color {
            let (low, high) = (range.lowerBound, range.upperBound)
            let scale = color ? "" : " ░▒▓█ "
            let line = canvas.addLine()
            let end = canvas.write("\(NumberFormat.compact(low, significant: 3))\(scale)", x: left, y: line)
            if color {
                for step in 0..<8 {
                    canvas.put(" ", x: end + 1 + step, y: line, style: TextStyle(background: 232 + UInt8(step * 23 / 7)))
                }
                canvas.write(NumberFormat.compact(high, significant: 3), x: end + 10, y: line)
            } else {
                canvas.write(NumberFormat.compact(high, significant: 3), x: end, y: line)
            }
        }
        return canvas.render(color: color)
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        guard !isEmpty else {
            return SVGPlotFrame.noData(kind: "heatmap", title: title, embedStylesheet: embedStylesheet)
        }
        let labelWidth = Double(rowLabels.map(displayWidth).max() ?? 0) * 7 + (rowLabels.isEmpty ? 0 : 10)
        let left = labelWidth + (yLabel.isEmpty ? 8 : 28)
        let cell = max(4, min(48, (SVGPlotFrame.width - left - 16) / Double(columns)))
        var top = title.isEmpty ? 8.0 : 36.0
        if !xLabel.isEmpty { top += 18 }
        if !columnLabels.isEmpty { top += 18 }
        let width = left + cell * Double(columns) + 16
        let height = top + cell * Double(rows) + 16
        var svg = SVGWriter(width: width, height: height, kind: "heatmap", label: title)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 24, anchor: .middle, classes: "title") }
        if !xLabel.isEmpty {
            svg.text(xLabel, x: left + cell * Double(columns) / 2, y: top - (columnLabels.isEmpty ? 6 : 24),
                     anchor: .middle, classes: "axis-label")
        }
        if !yLabel.isEmpty {
            svg.text(yLabel, x: 14, y: top + cell * Double(rows) / 2, anchor: .middle, classes: "axis-label", rotate: true)
        }
        let maxCharacters = max(1, Int(cell / 7))
        for (column, name) in columnLabels.prefix(columns).enumerated() {
            svg.text(name.truncated(toWidth: maxCharacters), x: left + (Double(column) + 0.5) * cell, y: top - 6,
                     anchor: .middle, classes: "tick")
        }
        for (row, name) in rowLabels.prefix(rows).enumerated() {
            svg.text(name, x: left - 6, y: top + (Double(row) + 0.5) * cell + 4, anchor: .end, classes: "tick")
        }
        let showNumbers = printsValues && cell >= 18
        let intensities = self.intensities()
        for row in 0..<rows {
            for column in 0..<columns {
                let value = self.value(row: row, column: column)
                guard let t = intensities[row * columns + column] else { continue }
                let x = left + Double(column) * cell
                let y = top + Double(row) * cell
                svg.rect(x: x, y: y, width: cell, height: cell, classes: "heat s0",
                         extra: " fill-opacity=\"\(NumberFormat.fixed(0.06 + 0.94 * t, decimals: 3))\"")
                if showNumbers {
                    svg.text(NumberFormat.compact(value, significant: 3), x: x + cell / 2, y: y + cell / 2 + 4,
                             anchor: .middle, classes: t > 0.6 ? "tick heat-strong" : "tick")
                }
            }
        }
        svg.rect(x: left, y: top, width: cell * Double(columns), height: cell * Double(rows), classes: "frame")
        return svg.finish(embedStylesheet: embedStylesheet)
    }
}
