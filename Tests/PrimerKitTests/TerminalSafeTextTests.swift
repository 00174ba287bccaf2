import Foundation
import Testing
@testable import PrimerKit

/// What a cell prints cannot rewrite the learner's terminal: colours pass, everything else is
/// shown as text; Primer's own progress line still redraws in place.
@Suite struct TerminalSafeTextTests {
    static let esc = "\u{1B}"

    @Test func colourPassesAndOtherSequencesAreShown() {
        let red = "\(Self.esc)[1;31mred\(Self.esc)[0m"
        #expect(TerminalSafeText.neutralising(red) == red)
        #expect(TerminalSafeText.neutralising("\(Self.esc)[38;2;255;0;0mrgb\(Self.esc)[m") == "\(Self.esc)[38;2;255;0;0mrgb\(Self.esc)[m")
        #expect(TerminalSafeText.neutralising("a\(Self.esc)[2Jb") == "a␛[2Jb")                 // clear screen
        #expect(TerminalSafeText.neutralising("\(Self.esc)[10;1H") == "␛[10;1H")              // cursor position
        #expect(TerminalSafeText.neutralising("\(Self.esc)[3A\(Self.esc)[K") == "␛[3A␛[K")       // cursor up, erase line
        #expect(TerminalSafeText.neutralising("\(Self.esc)]0;pwned\u{7}") == "␛]0;pwned␇")      // window title
        #expect(TerminalSafeText.neutralising("\(Self.esc)]52;c;aGk=\u{7}") == "␛]52;c;aGk=␇")  // clipboard write
        #expect(TerminalSafeText.neutralising("\(Self.esc)]8;;http://x\(Self.esc)\\link\(Self.esc)]8;;\(Self.esc)\\")
                == "␛]8;;http://x␛\\link␛]8;;␛\\")                                            // hyperlink
        #expect(TerminalSafeText.neutralising("\(Self.esc)c") == "␛c")                         // reset
        #expect(TerminalSafeText.neutralising("\u{9B}2J") == "\u{FFFD}2J")                     // C1 CSI
        #expect(TerminalSafeText.neutralising("back\u{8}\u{8}") == "back␈␈")
        #expect(TerminalSafeText.neutralising("\(Self.esc)[31") == "␛[31")                      // cut off
    }

    @Test func newlinesTabsAndCarriageReturnsStayAndPlainTextIsUntouched() {
        #expect(TerminalSafeText.neutralising("a\tb\r\nc") == "a\tb\r\nc")
        #expect(TerminalSafeText.neutralising("π ≈ 3.14159 🙂") == "π ≈ 3.14159 🙂")
    }

    @Test func withoutColourSGRIsRemovedToo() {
        #expect(TerminalSafeText.neutralising("\(Self.esc)[31mred\(Self.esc)[0m\(Self.esc)[2J", colour: false) == "red␛[2J")
    }

    @Test func theRenderersUseIt() {
        let cells = TerminalCells(style: TerminalStyle(width: 80, color: true))
        #expect(cells.output(.stdout("\(Self.esc)[2J\(Self.esc)[32mok\(Self.esc)[0m\n")) == "␛[2J\(Self.esc)[32mok\(Self.esc)[0m")
        #expect(!cells.output(.stderr("\(Self.esc)]0;t\u{7}")).contains("\(Self.esc)]"))
        #expect(cells.output(.rich(.text("\(Self.esc)[H"))) == "␛[H")
        let failure = CellFailure(kind: .runtimeError, message: "\(Self.esc)]52;c;eA==\u{7}", line: 3)
        #expect(!cells.failure(failure, chapterPath: "c.md").contains("\(Self.esc)]"))
    }

    @Test func theStepperStreamsPrintedTextSafely() throws {
        let chapter = try Chapter.parse(Data("```swift\nprint(1)\n```\n".utf8), path: "c.md")
        let output = Locked("")
        let stepper = Stepper(runner: TestSupport.runner, chapter: chapter, style: TerminalStyle(width: 80, color: true), interactive: false,
                              write: { text in output.withLock { $0 += text } })
        stepper.observe(.cellBegan(0))
        stepper.observe(.output(0, .stdout("\(Self.esc)[2J\(Self.esc)[1mbold\(Self.esc)[0m\n")))
        let written = output.withLock { $0 }
        #expect(written.contains("␛[2J\(Self.esc)[1mbold\(Self.esc)[0m"), "\(written)")
        #expect(!written.contains("\(Self.esc)[2J"))
    }

    @Test func theCheckReportAndAnnotationsShowControlSequences() {
        var result = ChapterResult(path: "c.md", cells: [], seconds: 0)
        let failure = CellFailure(kind: .outputMismatch, message: "differs \(Self.esc)]52;c;eA==\u{7}", line: 2,
                                  details: ["actual: \(Self.esc)[2Jwiped\(Self.esc)[31mred"])
        result.cells = [CellResult(index: 0, status: .failed(failure))]
        let report = CheckReport(style: TerminalStyle(width: 80, color: false)).failureDetails(result, source: "# T\n\(Self.esc)[H\n")
        #expect(!report.contains(Self.esc), "\(report)")
        #expect(report.contains("␛[2Jwiped") && report.contains("␛]52;c;eA==␇") && report.contains("␛[H"), "\(report)")
        #expect(CheckReport.githubAnnotations(result).allSatisfy { !$0.contains(Self.esc) && !$0.contains("\u{7}") })
    }
}
