import Foundation

/// The distribution of one or more samples over shared bins, such as real against generated
/// values; `density` scales each series to unit area so samples of different sizes compare.
///
///     let histogram = Histogram(title: "Pixel intensity", bins: 20, density: true,
///                               series: [.init("real", real), .init("generated", fake)])
public struct Histogram: Codable, Equatable, Sendable {
    /// One named sample.
    public struct Sample: Codable, Equatable, Sendable {
        public var name: String
        @FiniteValuesCoding public var values: [Double]
        public init(_ name: String, _ values: [Double]) {
            self.name = name
            self.values = values
        }

        /// A sample from `Float` (or any floating-point) values.
        public init<Value: BinaryFloatingPoint>(_ name: String, _ values: [Value]) {
            self.init(name, values.map { Double($0) })
        }
    }

    public var title: String
    public var xLabel: String
    public var bins: Int
    public var density: Bool
    public var series: [Sample]

    public init(title: String = "", xLabel: String = "", bins: Int = 20, density: Bool = false,
                series: [Sample]) {
        self.title = title
        self.xLabel = xLabel
        self.bins = bins
        self.density = density
        self.series = series
    }

    /// A histogram of a single unnamed sample.
    public init(title: String = "", xLabel: String = "", bins: Int = 20, values: [Double]) {
        self.init(title: title, xLabel: xLabel, bins: bins, series: [Sample("", values)])
    }

    /// The shared bin edges and each series' heights (counts, or densities).
    struct Binned {
        let lower: Double
        let upper: Double
        let heights: [[Double]]
        var binCount: Int { heights.first?.count ?? 0 }
        var maximum: Double { heights.flatMap { $0 }.max() ?? 0 }
    }

    func binned() -> Binned? {
        let finite = series.map { $0.values.filter(\.isFinite) }
        let all = finite.flatMap { $0 }
        guard let low = all.min(), let high = all.max() else { return nil }
        let count = max(1, bins)
        let (lower, upper) = high > low ? (low, high) : (low - 0.5, high + 0.5)
        let binWidth = (upper - lower) / Double(count)
        let heights = finite.map { values -> [Double] in
            var counts = Array(repeating: 0.0, count: count)
            for value in values {
                counts[min(count - 1, max(0, Int((value - lower) / binWidth)))] += 1
            }
            guard density, !values.isEmpty else { return counts }
            return counts.map { $0 / (Double(values.count) * binWidth) }
        }
        return Binned(lower: lower, upper: upper, heights: heights)
    }

    private var legend: [LegendEntry] {
        guard series.count > 1 || !(series.first?.name.isEmpty ?? true) else { return [] }
        return series.enumerated().map { LegendEntry(name: $1.name, colorIndex: $0, glyph: "█") }
    }
}

extension Histogram: RenderableFigure {
    public func renderText(width: Int, color: Bool) -> String {
        guard let binned = binned() else { return TextPlaceholder.noData(title: title, width: width) }
        let fills = ["█", "▒", "░", "▓"]
        let byGlyph = !color && series.count > 1
        let legend = self.legend.map {
            LegendEntry(name: $0.name, colorIndex: $0.colorIndex, glyph: byGlyph ? fills[$0.colorIndex % fills.count] : "█")
        }
        let frame = TextPlotFrame(title: title, xLabel: xLabel, yLabel: density ? "density" : "count", legend: legend,
                                  xScale: { NiceScale(exactly: binned.lower, binned.upper, tickCount: $0) },
                                  yScale: { NiceScale(covering: [0, binned.maximum], tickCount: $0) })
        return frame.render(width: width, color: color) { canvas, area in
            let eighths = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            for bin in 0..<binned.binCount {
                let start = bin * area.columns / binned.binCount
                let end = max(start + 1, (bin + 1) * area.columns / binned.binCount)
                for (index, heights) in binned.heights.enumerated() {
                    let share = Double(end - start) / Double(binned.heights.count)
                    let from = start + Int(Double(index) * share)
                    let to = max(from + 1, start + Int(Double(index + 1) * share))
                    let level = Int((area.y.fraction(heights[bin]) * Double(area.rows) * 8).rounded())
                    let style: TextStyle = color ? .colored(Palette.ansi(index)) : .plain
                    for column in from..<min(to, area.columns) {
                        for row in 0..<area.rows {
                            let filled = min(8, max(0, level - row * 8))
                            guard filled > 0 else { break }
                            let glyph = byGlyph ? (filled >= 4 ? fills[index % fills.count] : "") : eighths[filled]
                            if !glyph.isEmpty {
                                canvas.put(glyph, x: area.left + column, y: area.top + area.rows - 1 - row, style: style)
                            }
                        }
                    }
                }
            }
        }
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        guard let binned = binned() else {
            return SVGPlotFrame.noData(kind: "histogram", title: title, embedStylesheet: embedStylesheet)
        }
        var frame = SVGPlotFrame(kind: "histogram", title: title, xLabel: xLabel, yLabel: density ? "density" : "count",
                                 x: NiceScale(exactly: binned.lower, binned.upper, tickCount: 8),
                                 y: NiceScale(covering: [0, binned.maximum], tickCount: 6), legend: legend)
        let binWidth = (binned.upper - binned.lower) / Double(binned.binCount)
        for (index, heights) in binned.heights.enumerated() {
            for (bin, height) in heights.enumerated() where height > 0 {
                let left = frame.px(binned.lower + Double(bin) * binWidth)
                let right = frame.px(binned.lower + Double(bin + 1) * binWidth)
                let top = frame.py(height)
                frame.svg.rect(x: left, y: top, width: right - left, height: frame.py(0) - top,
                               classes: "hist \(Palette.cssClass(index))")
            }
        }
        return frame.finish(embedStylesheet: embedStylesheet)
    }
}
