import Foundation
import Testing
@testable import PrimerFigures

/// Promises every renderer keeps: width honoured, output deterministic, SVG self-contained.
@Suite struct RenderingContractTests {
    @Test(arguments: [1, 5, 12, 20, 33, 57, 80, 131])
    func textNeverExceedsTheWidth(width: Int) {
        for sample in SampleFigures.all {
            for color in [false, true] {
                let text = sample.figure.renderText(width: width, color: color)
                #expect(widestLine(text) <= width, "\(sample.name) at width \(width) (color \(color))")
            }
        }
    }

    @Test func renderingIsDeterministic() {
        for sample in SampleFigures.all {
            #expect(sample.figure.renderText(width: 70, color: true) == sample.figure.renderText(width: 70, color: true))
            #expect(sample.figure.renderSVG() == sample.figure.renderSVG())
        }
    }

    @Test func plainTextHasNoEscapes() {
        for sample in SampleFigures.all {
            #expect(!sample.figure.renderText(width: 80, color: false).contains("\u{1B}"), "\(sample.name)")
        }
    }

    @Test func colorTextUsesEscapesAndStripsToPlainLayout() {
        for sample in SampleFigures.all {
            let colored = sample.figure.renderText(width: 80, color: true)
            #expect(colored.contains("\u{1B}[0m"), "\(sample.name)")
            #expect(strippingANSI(colored).split(separator: "\n").count > 2)
        }
    }

    @Test func svgIsSelfContained() {
        for sample in SampleFigures.all {
            let markup = sample.figure.renderSVG()
            #expect(markup.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(markup.contains("viewBox=\"0 0 "))
            #expect(!markup.contains("<script"))
            // The only reference allowed is an embedded image (`data:` URI), never a file or URL.
            #expect(markup.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("data:image/png;base64,") })
            #expect(!markup.contains("<style"))
            #expect(sample.figure.renderSVG(embedStylesheet: true).contains("<style>"))
        }
    }

    @Test func htmlOfATableIsATableAndOfAChartIsSVG() {
        #expect(Figure.table(SampleFigures.results).renderHTML().hasPrefix("<table"))
        #expect(Figure.line(SampleFigures.lossCurves).renderHTML().hasPrefix("<svg"))
    }

    @Test func textIsEscapedInSVG() {
        let hostile = "<b>\"Loss\" & 'gain'</b>"
        let figures: [Figure] = [
            .line(LineChart(title: hostile, xLabel: hostile, series: [Series(hostile, [1, 2])])),
            .bar(BarChart(title: hostile, labels: [hostile], values: [1])),
            .table(Table(title: hostile, headers: [hostile], rows: [[hostile]])),
            .diagram(Diagram(title: hostile, nodes: [.init(id: "A", label: hostile)], edges: [])),
            .heatmap(Heatmap(title: hostile, rowLabels: [hostile], columnLabels: [hostile], values: [[1]])),
        ]
        for figure in figures {
            let markup = figure.renderSVG()
            #expect(xmlError(markup) == nil)
            #expect(!markup.contains("<b>"))
            #expect(markup.contains("&lt;b&gt;&quot;Loss&quot; &amp; &#39;gain&#39;&lt;/b&gt;"))
        }
        #expect(Table(headers: [hostile], rows: []).html().contains("&lt;b&gt;"))
    }

    @Test func stylesheetStylesEverySeriesClassAndFollowsTheTheme() {
        for index in Palette.hex.indices {
            #expect(PrimerFigures.svgStylesheet.contains(".primer-figure .s\(index){"))
        }
        #expect(PrimerFigures.svgStylesheet.contains("currentColor"))
    }
}
