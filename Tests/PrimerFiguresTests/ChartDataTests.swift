import Foundation
import Testing
@testable import PrimerFigures

@Suite struct ChartDataTests {
    @Test func histogramBinsAndDensity() {
        let histogram = Histogram(bins: 2, density: false, series: [.init("a", [0, 0.5, 1, 0.2])])
        #expect(histogram.binned()!.heights == [[2, 2]])
        let density = Histogram(bins: 4, density: true, series: [.init("a", [0, 1, 2, 3, 4, 4])]).binned()!
        let binWidth = (density.upper - density.lower) / Double(density.binCount)
        #expect(abs(density.heights[0].reduce(0, +) * binWidth - 1) < 1e-12)
    }

    @Test func overlaidHistogramsShareBins() {
        let binned = Histogram(bins: 5, series: [.init("real", [0, 1]), .init("fake", [9, 10])]).binned()!
        #expect(binned.lower == 0 && binned.upper == 10)
        #expect(binned.heights == [[2, 0, 0, 0, 0], [0, 0, 0, 0, 2]])
    }

    @Test func decisionGridOrderMatchesCellCenters() {
        let centers = DecisionRegions.cellCenters(x: 0...4, y: 0...2, columns: 4, rows: 2)
        #expect(centers.count == 8)
        #expect(centers[0] == (x: 0.5, y: 0.5))
        #expect(centers[1] == (x: 1.5, y: 0.5))
        #expect(centers[4] == (x: 0.5, y: 1.5))
        let regions = DecisionRegions(x: 0...4, y: 0...2, columns: 4, rows: 2, classes: centers.map { $0.y > 1 ? 1 : 0 })
        #expect(regions.predictedClass(x: 3.9, y: 1.9) == 1)
        #expect(regions.predictedClass(x: 0.1, y: 0.1) == 0)
        #expect(regions.predictedClass(x: 5, y: 1) == nil)
    }

    @Test func decisionRegionsShadeEachClassDifferently() {
        let text = SampleFigures.regions.renderText(width: 60, color: false)
        #expect(text.contains(Palette.shade(0)) && text.contains(Palette.shade(1)))
        #expect(text.contains(Palette.glyph(0)) && text.contains(Palette.glyph(1)))
    }

    @Test func imagesInUnitRangeAreKeptOthersStretched() {
        let grid = ImageGrid(width: 2, height: 1, images: [[0.2, 0.4], [-100, 100], [3, 3]])
        #expect(grid.normalized(grid.images[0]) == [Double(Float(0.2)), Double(Float(0.4))])
        #expect(grid.normalized(grid.images[1]) == [0, 1])
        #expect(grid.normalized(grid.images[2]) == [0, 0])
    }

    @Test func wideImagesAreDownsampledToFit() {
        let grid = ImageGrid(width: 100, height: 10, images: [Array(repeating: 1, count: 1000)])
        let text = grid.renderText(width: 30, color: false)
        #expect(widestLine(text) <= 30)
        #expect(text.contains("@"))
    }

    @Test func imageRowsWrapToTheWidth() {
        let image = Array(repeating: Float(0.5), count: 16)
        let grid = ImageGrid(width: 4, height: 4, images: Array(repeating: image, count: 6), captions: ["a", "b", "c", "d", "e", "f"])
        let lines = grid.renderText(width: 14, color: false).split(separator: "\n", omittingEmptySubsequences: false)
        // 4 columns per image + 2 gap: two images per 14 columns, three bands of (2 rows + caption + gap).
        #expect(lines.count == 3 * 4 - 1)
        #expect(lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("a"))
    }

    @Test func heatmapPrintsCountsAndHidesThemWhenCrowded() {
        let text = SampleFigures.confusion.renderText(width: 60, color: false)
        #expect(text.contains("57") && text.contains("predicted") && text.contains("bird"))
        let weights = Heatmap(values: (0..<8).map { row in (0..<30).map { Double(row * $0) } })
        let crowded = weights.renderText(width: 40, color: false)
        #expect(crowded.contains("█") && crowded.contains("░"))
        #expect(widestLine(crowded) <= 40)
    }

    @Test func matricesWiderThanTheTerminalAreAveragedNotClipped() {
        let gradient = Heatmap(values: [(0..<200).map(Double.init)], showValues: false)
        let lines = gradient.renderText(width: 40, color: false).split(separator: "\n").map(String.init)
        let row = lines[0]
        #expect(displayWidth(row) <= 40 && displayWidth(row) >= 34)
        #expect(row.hasSuffix("█"))  // the last block holds the largest values
    }

    @Test func lineChartDistinguishesSeriesWithoutColor() {
        let text = SampleFigures.lossCurves.renderText(width: 60, color: false)
        #expect(text.contains("* train") && text.contains("o validation"))
        let single = LineChart(series: [Series("", [1, 2, 3])]).renderText(width: 40, color: false)
        #expect(single.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test func floatInputsAreAccepted() {
        let losses: [Float] = [0.5, 0.25]
        #expect(Series("loss", losses).y == [0.5, 0.25])
        #expect(Histogram.Sample("s", losses).values == [0.5, 0.25])
        #expect(BarChart(labels: ["a", "b"], values: losses).values == [0.5, 0.25])
        #expect(Series("literal", [1, 2]).y == [1, 2])
    }

    @Test func resultBuilderSupportsConditionsAndLoops() {
        let include = false
        let chart = LineChart(title: "t") {
            Series("a", [1])
            if include { Series("b", [2]) }
            for name in ["c", "d"] { Series(name, [3]) }
        }
        #expect(chart.series.map(\.name) == ["a", "c", "d"])
    }
}

@Suite struct ClassLabelTests {
    @Test func negativeLabelsStayDistinct() {
        let plot = ScatterPlot(x: [0, 1, 2], y: [0, 1, 0], labels: [-1, 1, 0])
        let text = plot.renderText(width: 40, color: false)
        #expect(text.contains("class -1") && text.contains("class 0") && text.contains("class 1"))
        #expect(text.contains(Palette.glyph(-1)) && Palette.glyph(-1) != Palette.glyph(0))
        #expect(xmlError(plot.renderSVG()) == nil)
    }
}
