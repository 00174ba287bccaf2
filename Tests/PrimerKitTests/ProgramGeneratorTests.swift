import Foundation
import Testing
@testable import PrimerKit

@Suite struct ProgramGeneratorTests {
    let chapter = try! Chapter.parse(Data("""
    # T

    ```swift
    let a = 1
    ```

    ```swift norun
    ignored()
    ```

    ```swift expect-error
    let b: Int = "x"
    ```
    """.utf8), path: "Chapters/my \"odd\" file.md")

    @Test func eachCellHasItsSourceLocationAndBoundaries() {
        let program = ProgramGenerator.generate(chapter)
        let lines = program.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("import PrimerCells"))
        #expect(lines.contains(#"#sourceLocation(file: "Chapters/my \"odd\" file.md", line: 4)"#))
        #expect(lines.contains("_primerCellBegin(0)") && lines.contains("_primerCellEnd(0)"))
        #expect(!program.source.contains("ignored()"))
        // The expect-error cell sits in its own scope that a re-run can skip.
        #expect(lines.contains("if !_primerShouldSkip(2) {"))
        #expect(program.cellLines.map(\.index) == [0, 2])
        let first = program.cellLines[0].lines
        #expect(lines[first.lowerBound - 1] == "let a = 1")
    }

    @Test func excludedCellsAreLeftOut() {
        let program = ProgramGenerator.generate(chapter, excluding: [2])
        #expect(!program.source.contains("let b: Int"))
        #expect(program.cellLines.map(\.index) == [0])
    }

    @Test func scaffoldingLinesMapToTheCellBefore() {
        let program = ProgramGenerator.generate(chapter)
        let afterFirst = program.cellLines[0].lines.upperBound + 1
        #expect(program.cell(atGeneratedLine: afterFirst) == 0)
        #expect(program.cell(atGeneratedLine: program.cellLines[1].lines.lowerBound) == 2)
    }

    @Test func diagnosticsAreParsed() {
        let output = """
        Chapters/a.md:12:5: error: cannot find 'x' in scope
        /tmp/w/main.swift:30:1: warning: unused
        some other line
        """
        let diagnostics = DiagnosticParser.parse(output)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0] == Diagnostic(file: "Chapters/a.md", line: 12, column: 5, severity: .error, message: "cannot find 'x' in scope"))
        #expect(diagnostics[1].severity == .warning)
    }
}
