import Foundation
import Testing
@testable import PrimerFigures

/// Figures at the sizes the course produces (MNIST weights, thousands of points) render and
/// keep their contracts.
@Suite struct LargeFigureTests {
    @Test func manyPointsAndLargeMatrices() {
        let count = 5000
        let xs = (0..<count).map { sin(Double($0) * 0.37) }
        let ys = (0..<count).map { cos(Double($0) * 0.23) }
        let figures: [Figure] = [
            ScatterPlot(x: xs, y: ys, labels: (0..<count).map { $0 % 10 }).figure,
            LineChart(series: [Series("loss", ys)]).figure,
            Heatmap(values: (0..<10).map { row in (0..<784).map { Double(($0 * 7 + row) % 13) } }).figure,
            ImageGrid(width: 28, height: 28, images: (0..<32).map { index in (0..<784).map { Float(($0 + index) % 28) / 27 } }).figure,
            Histogram(bins: 50, values: xs).figure,
        ]
        for figure in figures {
            for width in [40, 100] {
                #expect(widestLine(figure.renderText(width: width, color: true)) <= width)
            }
            #expect(xmlError(figure.renderSVG()) == nil)
        }
    }

    @Test func everyKindConvertsToItsFigure() {
        for sample in SampleFigures.all {
            let figure: Figure = switch sample.figure {
            case .line(let value): value.figure
            case .scatter(let value): value.figure
            case .decisionRegions(let value): value.figure
            case .histogram(let value): value.figure
            case .bar(let value): value.figure
            case .heatmap(let value): value.figure
            case .images(let value): value.figure
            case .table(let value): value.figure
            case .diagram(let value): value.figure
            }
            #expect(figure == sample.figure)
        }
    }
}
