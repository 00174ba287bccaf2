/// Labelled values as horizontal bars, such as accuracy per model; negative values extend to
/// the left of zero.
///
///     let chart = BarChart(title: "Test accuracy", labels: ["k-NN", "SVM", "CNN"],
///                          values: [0.94, 0.97, 0.99])
public struct BarChart: Codable, Equatable, Sendable {
    public var title: String
    public var valueLabel: String
    public var labels: [String]
    @FiniteValuesCoding public var values: [Double]

    public init(title: String = "", valueLabel: String = "", labels: [String], values: [Double]) {
        self.title = title
        self.valueLabel = valueLabel
        self.labels = labels
        self.values = values
    }

    /// A bar chart from `Float` (or any floating-point) values.
    public init<Value: BinaryFloatingPoint>(title: String = "", valueLabel: String = "", labels: [String], values: [Value]) {
        self.init(title: title, valueLabel: valueLabel, labels: labels, values: values.map { Double($0) })
    }

    /// Label and value pairs, non-finite values dropped.
    private var bars: [(label: String, value: Double)] {
        zip(labels, values).filter { $0.1.isFinite }.map { (label: $0.0, value: $0.1) }
    }
}

extension BarChart: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        let bars = self.bars
        guard !bars.isEmpty else { return TextPlaceholder.noData(title: title, width: width) }
        let low = min(0, bars.map(\.value).min()!)
        let high = max(0, bars.map(\.value).max()!)
        let span = high - low > 0 ? high - low : 1
        let valueTexts = bars.map { NumberFormat.compact($0.value, significant: 4) }
        let valueWidth = valueTexts.map(displayWidth).max()!
        let labelWidth = min(bars.map { displayWidth($0.label) }.max()!, max(4, width / 3))
        let barColumns = max(1, width - labelWidth - valueWidth - 3)
        let zero = Int((Double(barColumns) * (0 - low) / span).rounded())

        var canvas = TextCanvas(width: width, height: 0)
        canvas.appendCentered(title, style: TextStyle(bold: true))
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
        for (index, bar) in bars.enumerated() {
            let row = canvas.addLine()
            canvas.write(bar.label.padded(toWidth: labelWidth), x: 0, y: row)
            let origin = labelWidth + 1
            let style: TextStyle = color ? .colored(Palette.ansi(bar.value < 0 ? 3 : 0)) : .plain
            let length = abs(bar.value) / span * Double(barColumns)
            var end: Int
            if bar.value >= 0 {
                let units = Int((length * 8).rounded())
                for column in 0..<(units / 8) { canvas.put("█", x: origin + zero + column, y: row, style: style) }
                if units % 8 > 0 { canvas.put(eighths[units % 8], x: origin + zero + units / 8, y: row, style: style) }
                end = origin + zero + (units + 7) / 8
            } else {
                let cells = Int(length.rounded())
                for column in 0..<cells { canvas.put("█", x: origin + zero - 1 - column, y: row, style: style) }
                end = origin + max(zero, 0)
            }
            if zero > 0 { canvas.put("│", x: origin + zero - (bar.value < 0 ? 0 : 1), y: row) }
            end = max(end, origin + zero)
            canvas.write(valueTexts[index], x: end + 1, y: row)
        }
        canvas.appendCentered(valueLabel, x: labelWidth + 1, span: barColumns)
        return canvas.render(color: color)
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        let bars = self.bars
        guard !bars.isEmpty else {
            return SVGPlotFrame.noData(kind: "bar-chart", title: title, embedStylesheet: embedStylesheet)
        }
        let labelWidth = min(200, Double(bars.map { displayWidth($0.label) }.max()!) * 7 + 12)
        let rowHeight = 26.0
        let top = title.isEmpty ? 12.0 : 40.0
        let height = top + rowHeight * Double(bars.count) + (valueLabel.isEmpty ? 30 : 50)
        let scale = NiceScale(covering: bars.map(\.value), tickCount: 6, includeZero: true)
        let left = labelWidth + 8
        let right = SVGPlotFrame.width - 56
        func px(_ value: Double) -> Double { left + scale.fraction(value) * (right - left) }
        var svg = SVGWriter(width: SVGPlotFrame.width, height: height, kind: "bar-chart", label: title)
        if !title.isEmpty { svg.text(title, x: SVGPlotFrame.width / 2, y: 24, anchor: .middle, classes: "title") }
        let bottom = top + rowHeight * Double(bars.count)
        for tick in scale.ticks {
            svg.line(x1: px(tick), y1: top, x2: px(tick), y2: bottom, classes: "grid")
            svg.text(scale.label(tick), x: px(tick), y: bottom + 16, anchor: .middle, classes: "tick")
        }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            let from = px(min(0, bar.value))
            let to = px(max(0, bar.value))
            svg.rect(x: from, y: y + 4, width: to - from, height: rowHeight - 8,
                     classes: "bar \(Palette.cssClass(bar.value < 0 ? 3 : 0))")
            svg.text(bar.label.truncated(toWidth: Int((labelWidth - 12) / 7)), x: labelWidth, y: y + rowHeight / 2 + 4, anchor: .end)
            svg.text(NumberFormat.compact(bar.value, significant: 4), x: to + 5, y: y + rowHeight / 2 + 4, classes: "tick")
        }
        svg.line(x1: px(0), y1: top, x2: px(0), y2: bottom, classes: "axis")
        if !valueLabel.isEmpty {
            svg.text(valueLabel, x: (left + right) / 2, y: height - 10, anchor: .middle, classes: "axis-label")
        }
        return svg.finish(embedStylesheet: embedStylesheet)
    }
}
