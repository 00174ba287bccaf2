import Foundation
import Testing
@testable import PrimerFigures

/// Empty, non-finite and degenerate inputs draw something sensible and never trap.
@Suite struct EdgeCaseTests {
    static let empty: [(String, Figure)] = [
        ("line", .line(LineChart(title: "Loss", series: []))),
        ("line of NaN", .line(LineChart(series: [Series("a", [.nan, .infinity])]))),
        ("scatter", .scatter(ScatterPlot(x: [], y: []))),
        ("regions", .decisionRegions(DecisionRegions(x: 0...1, y: 0...1, columns: 0, rows: 0, classes: []))),
        ("histogram", .histogram(Histogram(values: [.nan]))),
        ("bar", .bar(BarChart(labels: [], values: []))),
        ("heatmap", .heatmap(Heatmap(values: []))),
        ("images", .images(ImageGrid(width: 28, height: 28, images: []))),
        ("table", .table(Table(headers: [], rows: []))),
        ("diagram", .diagram(Diagram(nodes: [], edges: []))),
    ]

    @Test func emptyFiguresDrawANoDataFrame() {
        for (name, figure) in EdgeCaseTests.empty {
            let text = figure.renderText(width: 40, color: false)
            #expect(text.contains("no data"), "\(name)")
            #expect(text.hasPrefix("┌"), "\(name)")
            #expect(widestLine(text) <= 40)
            for width in [1, 3, 8] {
                #expect(widestLine(figure.renderText(width: width, color: true)) <= width, "\(name) at \(width)")
            }
            let svg = figure.renderSVG()
            #expect(svg.contains("no data"), "\(name)")
            #expect(xmlError(svg) == nil)
        }
    }

    @Test func nonFiniteValuesAreSkipped() {
        let chart = LineChart(title: "Diverged", series: [Series("loss", [1, 0.5, .nan, 0.25, .infinity, -.infinity, 0.2])])
        let text = chart.renderText(width: 60, color: false)
        #expect(!text.lowercased().contains("nan"))
        #expect(!text.contains("inf"))
        #expect(text.contains("1.0"))  // the y axis still spans the finite values
        let svg = chart.renderSVG()
        #expect(xmlError(svg) == nil)
        #expect(!svg.contains("nan") && !svg.contains("NaN"))
        // The gaps leave one line (1, 0.5) and two lone points (0.25 and 0.2) drawn as dots.
        #expect(svg.components(separatedBy: "<polyline class=\"series-line").count - 1 == 1)
        #expect(svg.components(separatedBy: "<circle class=\"dot").count - 1 == 2)

        let bars = BarChart(labels: ["a", "b"], values: [.nan, 2]).renderText(width: 30, color: false)
        #expect(!bars.contains("a "))
        let heat = Heatmap(values: [[1, .nan], [.infinity, 4]]).renderText(width: 30, color: false)
        #expect(heat.contains("4") && !heat.contains("nan") && !heat.contains("inf"))
        let histogram = Histogram(values: [1, 2, .nan, 2, 3]).binned()!
        #expect(histogram.heights[0].reduce(0, +) == 4)
    }

    @Test func constantDataStillGetsAnAxis() {
        let text = LineChart(series: [Series("flat", [2, 2, 2])]).renderText(width: 50, color: false)
        #expect(text.contains("2"))
        #expect(text.contains("⠤") || text.contains("⠒") || text.contains("⠉") || text.contains("⣀"))
        let single = ScatterPlot(x: [0.5], y: [0.5]).renderText(width: 30, color: false)
        #expect(single.contains("0.5"))
    }

    @Test func negativeBarsExtendLeftOfZero() {
        let text = BarChart(labels: ["gain", "loss"], values: [3, -1]).renderText(width: 40, color: false)
        let lines = text.split(separator: "\n").map(String.init)
        let gain = lines.first { $0.hasPrefix("gain") }!
        let loss = lines.first { $0.hasPrefix("loss") }!
        let gainStart = Array(gain).firstIndex(of: "█")!
        let lossStart = Array(loss).firstIndex(of: "█")!
        #expect(lossStart < gainStart)
        #expect(loss.contains("-1"))
    }
}
