import Foundation
import Testing
@testable import PrimerKit

@Suite struct CellOptionTests {
    @Test func parsesEveryKnownOption() throws {
        let options = try CellOptions.parse(["hide", "expect-error", "timeout=2.5"])
        #expect(options == CellOptions(norun: false, hide: true, expectError: true, timeout: 2.5))
        #expect(try CellOptions.parse(["norun"]).norun)
        #expect(try CellOptions.parse([]).effectiveTimeout == CellOptions.defaultTimeout)
    }

    @Test func rejectsUnknownAndMalformedOptions() {
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["norunn"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["timeout=soon"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["timeout=-1"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["norun", "expect-error"]) }
    }
}

@Suite struct ChapterParserTests {
    func parse(_ text: String, path: String = "c.md") throws -> Chapter {
        try Chapter.parse(Data(text.utf8), path: path)
    }

    @Test func findsCellsOutputsAndProse() throws {
        let chapter = try parse("""
        # Title

        Prose.

        ```swift
        let a = 1
        print(a)
        ```

        ```output
        1
        ```

        ```python
        not a cell
        ```

        ```swift norun timeout=3
        x
        ```
        """)
        #expect(chapter.title == "Title")
        #expect(chapter.cells.count == 2)
        #expect(chapter.cells[0].fenceLine == 5 && chapter.cells[0].codeLine == 6)
        #expect(chapter.cells[0].source == "let a = 1\nprint(a)\n")
        #expect(chapter.cells[0].codeLines == 6...7)
        #expect(chapter.cells[0].expectedOutput == ExpectedOutput(text: "1\n", fenceLines: 10...12))
        #expect(chapter.cells[1].options.norun && chapter.cells[1].options.timeout == 3)
        let listings = chapter.content.filter { if case .prose(.codeBlock(let info, _, _, _)) = $0 { return info == "python" } else { return false } }
        #expect(listings.count == 1)
    }

    @Test func unknownOptionIsAnErrorAtItsLine() {
        #expect(throws: ChapterError(path: "c.md", line: 3, column: 1,
                                     message: "unknown cell option `fast`; known options: norun, hide, expect-error, timeout=SECONDS, exercise, solution, check")) {
            try parse("Intro\n\n```swift fast\nx\n```\n")
        }
    }

    @Test func outputBlockWithoutACellIsAnError() {
        #expect(throws: ChapterError.self) { try parse("Text\n\n```output\n1\n```\n") }
    }

    @Test func unterminatedFenceIsAnError() throws {
        do {
            _ = try parse("# T\n\n```swift\nlet a = 1\n\nMore prose that got swallowed.\n")
            Issue.record("expected an error")
        } catch let error as ChapterError {
            #expect(error.line == 3)
            #expect(error.message.contains("never closed"))
        }
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        var bytes = Array("# Title\n\nok line\nbad \u{00E9}".utf8)
        bytes[bytes.count - 2] = 0xFF   // break the é
        do {
            _ = try Chapter.parse(Data(bytes), path: "bad.md")
            Issue.record("expected an error")
        } catch let error as ChapterError {
            #expect(error.line == 4 && error.column == 5)
            #expect(error.message.contains("UTF-8"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func emptyAndCellFreeChaptersAreValid() throws {
        let empty = try parse("", path: "empty.md")
        #expect(empty.cells.isEmpty && empty.title == "empty")
        let prose = try parse("# Only prose\n\nNothing to run.\n")
        #expect(prose.cells.isEmpty && prose.content.count == 2)
    }

    @Test func largeFileParses() throws {
        let paragraph = String(repeating: "word ", count: 200) + "\n\n"
        let text = "# Big\n\n" + String(repeating: paragraph, count: 10_000)   // about 10 MB
        let chapter = try parse(text)
        #expect(chapter.content.count == 10_001)
    }

    @Test func missingFileAndDirectoryGiveMessages() {
        #expect(throws: ChapterError.self) { try Chapter.load(path: "/nonexistent/chapter.md") }
        #expect(throws: ChapterError.self) { try Chapter.load(path: NSTemporaryDirectory()) }
    }

    @Test func readsDirectives() throws {
        let chapter = try parse("<!-- primer: reads data/a.csv b.txt -->\n\n# T\n")
        #expect(chapter.dataFiles == ["data/a.csv", "b.txt"])
        #expect(throws: ChapterError.self) { try parse("<!-- primer: frobnicate -->\n") }
        // Ordinary comments are prose.
        #expect(try parse("<!-- a note -->\n").dataFiles.isEmpty)
    }

    @Test func pipeTablesBecomeTables() throws {
        let chapter = try parse("| model | acc |\n| :--- | ---: |\n| `a|b` | 0.9 |\n")
        guard case .prose(.table(let table, _))? = chapter.content.first else {
            Issue.record("no table: \(chapter.content)"); return
        }
        #expect(table.alignments == [.left, .right])
        #expect(table.header.map(\.plainText) == ["model", "acc"])
        #expect(table.rows[0].map(\.plainText) == ["a|b", "0.9"])
    }
}
