import Foundation
import Testing
@testable import PrimerFigures

@Suite struct TableTests {
    /// The display columns at which a line has a vertical border.
    private func borderColumns(_ line: String) -> [Int] {
        var column = 0
        var result: [Int] = []
        for character in line {
            if "│┼├┤┬┴┌┐└┘".contains(character) { result.append(column) }
            column += displayWidth(String(character))
        }
        return result
    }

    @Test func chineseHeadersLineUp() {
        let table = Table(headers: ["模型", "准确率", "说明"],
                          rows: [["k-NN", "0.969", "最近邻"], ["CNN", "0.991", "卷积神经网络"], ["线性", "0.92", "x"]])
        let lines = table.renderText(width: 80, color: false).split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        let widths = Set(lines.map(displayWidth))
        #expect(widths.count == 1)
        let borders = Set(lines.map(borderColumns))
        #expect(borders.count == 1, "every row has its borders at the same columns")
        #expect(lines[1].contains("│ 模型 │"))
    }

    @Test func numericColumnsAlignRight() {
        let table = Table(headers: ["name", "value"], rows: [["a", "1.5"], ["b", "12%"], ["c", "1,024"]])
        #expect(table.resolvedAlignments == [.left, .right])
        let lines = table.renderText(width: 40, color: false).split(separator: "\n").map(String.init)
        #expect(lines[3] == "│ a    │   1.5 │")
        #expect(Table(headers: ["x"], rows: [["1"]], alignments: [.center]).resolvedAlignments == [.center])
    }

    @Test func narrowWidthTruncatesCellsWithAnEllipsis() {
        let table = Table(headers: ["description"], rows: [["a very long explanation of the model"]])
        let text = table.renderText(width: 20, color: false)
        #expect(widestLine(text) == 20)
        #expect(text.contains("…"))
    }

    @Test func raggedRowsArePadded() {
        let text = Table(headers: ["a", "b", "c"], rows: [["1"], ["1", "2", "3"]]).renderText(width: 40, color: false)
        let widths = Set(text.split(separator: "\n").map { displayWidth(String($0)) })
        #expect(widths.count == 1)
    }

    @Test func htmlIsEscapedAndAligned() {
        let html = Table(title: "R&D", headers: ["model", "acc"], rows: [["<MLP>", "0.98"]]).html()
        #expect(html.contains("<caption>R&amp;D</caption>"))
        #expect(html.contains("<th>model</th><th class=\"align-right\">acc</th>"))
        #expect(html.contains("<td>&lt;MLP&gt;</td><td class=\"align-right\">0.98</td>"))
        #expect(xmlError(html) == nil)
    }
}
