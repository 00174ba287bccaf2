/// One legend entry: a name, its palette index and the glyph that stands for it without colour.
struct LegendEntry {
    let name: String
    let colorIndex: Int
    let glyph: String
}

/// The plotting rectangle of a text chart and how data coordinates map into it.
struct TextPlotArea {
    let left: Int
    let top: Int
    let columns: Int
    let rows: Int
    let x: NiceScale
    let y: NiceScale

    /// The column (fractional, 0 at the left edge) where `value` falls.
    func column(_ value: Double) -> Double { x.fraction(value) * Double(columns - 1) }
    /// The row (fractional, 0 at the top) where `value` falls.
    func row(_ value: Double) -> Double { (1 - y.fraction(value)) * Double(rows - 1) }
}

/// The axes, ticks, labels, title and legend shared by the text charts; the chart draws its
/// data into the area it is handed.
///
///     let frame = TextPlotFrame(title: "Loss", xLabel: "epoch", yLabel: "loss", legend: [],
///                               xScale: { NiceScale(covering: xs, tickCount: $0) },
///                               yScale: { NiceScale(covering: ys, tickCount: $0) })
///     frame.render(width: 60, color: false) { canvas, area in … }
struct TextPlotFrame {
    let title: String
    let xLabel: String
    let yLabel: String
    let legend: [LegendEntry]
    /// The scales given a tick count suited to the space available.
    let xScale: (Int) -> NiceScale
    let yScale: (Int) -> NiceScale

    /// A frame whose axes cover the given data values, widened to round ticks.
    init(title: String, xLabel: String, yLabel: String, legend: [LegendEntry], covering xs: [Double], _ ys: [Double]) {
        self.init(title: title, xLabel: xLabel, yLabel: yLabel, legend: legend,
                  xScale: { NiceScale(covering: xs, tickCount: $0) }, yScale: { NiceScale(covering: ys, tickCount: $0) })
    }

    init(title: String, xLabel: String, yLabel: String, legend: [LegendEntry],
         xScale: @escaping (Int) -> NiceScale, yScale: @escaping (Int) -> NiceScale) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.legend = legend
        self.xScale = xScale
        self.yScale = yScale
    }

    /// Plot height in rows for a given total width: wide enough charts get taller.
    static func plotRows(forWidth width: Int) -> Int { max(5, min(16, width / 5)) }

    func render(width: Int, color: Bool, draw: (inout TextCanvas, TextPlotArea) -> Void) -> String {
        let rows = TextPlotFrame.plotRows(forWidth: width)
        let y = yScale(max(2, rows / 2))
        let yTicks = y.ticks.map { (value: $0, label: y.label($0)) }
        let labelWidth = yTicks.map { displayWidth($0.label) }.max() ?? 1
        let left = labelWidth + 2
        let columns = max(2, width - left)
        let x = xScale(max(3, columns / 8))

        var canvas = TextCanvas(width: width, height: 0)
        canvas.appendCentered(title, style: TextStyle(bold: true))
        canvas.appendLeft(yLabel, width: width)
        let top = canvas.height
        canvas.appendRows(rows + 2)
        let area = TextPlotArea(left: left, top: top, columns: columns, rows: rows, x: x, y: y)

        for row in 0..<rows { canvas.put("│", x: left - 1, y: top + row) }
        for tick in yTicks {
            let row = top + Int(area.row(tick.value).rounded())
            guard row >= top, row < top + rows else { continue }
            canvas.write(tick.label.padded(toWidth: labelWidth, alignment: .right), x: 0, y: row)
            canvas.put("┤", x: left - 1, y: row)
        }
        let axisRow = top + rows
        canvas.put("└", x: left - 1, y: axisRow)
        for column in 0..<columns { canvas.put("─", x: left + column, y: axisRow) }
        var nextFree = 0
        for tick in x.ticks {
            let column = left + Int(area.column(tick).rounded())
            guard column >= left, column < left + columns else { continue }
            canvas.put("┬", x: column, y: axisRow)
            let label = x.label(tick)
            let start = min(max(0, column - displayWidth(label) / 2), width - displayWidth(label))
            guard start >= nextFree else { continue }
            nextFree = canvas.write(label, x: start, y: axisRow + 1) + 1
        }
        draw(&canvas, area)
        canvas.appendCentered(xLabel, x: left, span: columns)
        if !legend.isEmpty { writeLegend(into: &canvas, width: width) }
        return canvas.render(color: color)
    }

    private func writeLegend(into canvas: inout TextCanvas, width: Int) {
        var row = canvas.addLine()
        var column = 0
        for entry in legend {
            let text = entry.name.truncated(toWidth: max(1, width - 2))
            let needed = displayWidth(entry.glyph) + 1 + displayWidth(text)
            if column > 0, column + needed > width { row = canvas.addLine(); column = 0 }
            let end = canvas.write(entry.glyph, x: column, y: row, style: .colored(Palette.ansi(entry.colorIndex), bold: true))
            column = canvas.write(text, x: end + 1, y: row) + 3
        }
    }
}

/// The small frame drawn in place of a chart that has nothing to show.
///
///     TextPlaceholder.noData(title: "Loss", width: 40)
enum TextPlaceholder {
    static func noData(title: String, width: Int) -> String {
        let inner = max(0, min(width, max(20, displayWidth(title) + 6)) - 2)
        var canvas = TextCanvas(width: min(width, inner + 2), height: 3)
        canvas.put("┌", x: 0, y: 0)
        canvas.put("└", x: 0, y: 2)
        for column in 1...max(1, inner) {
            canvas.put("─", x: column, y: 0)
            canvas.put("─", x: column, y: 2)
        }
        canvas.put("┐", x: inner + 1, y: 0)
        canvas.put("┘", x: inner + 1, y: 2)
        canvas.put("│", x: 0, y: 1)
        canvas.put("│", x: inner + 1, y: 1)
        if !title.isEmpty { canvas.write(" \(title.truncated(toWidth: max(0, inner - 2))) ", x: 1, y: 0) }
        canvas.writeCentered("no data", x: 1, span: inner, y: 1)
        return canvas.render(color: false)
    }
}
