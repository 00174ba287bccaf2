import Foundation
import Testing
@testable import PrimerKit

/// Inline values: `` `{swift} expression` `` in prose, computed by the chapter's program.
@Suite struct InlineValueTests {
    static let source = """
    # Values

    Before any cell: `{swift} 6 * 7`.

    ```swift
    let accuracy = 0.8229999
    ```

    ```output
    ```

    The model reached `{swift} percent(accuracy)` (plain code: `accuracy`), that is
    (`{swift} fixed(accuracy, 3)`).

    ```swift norun
    let ignored = 1
    ```

    - In a list: `{swift} grouped(1853)`
    """

    @Test func parsingFindsEachValueWhereItIs() throws {
        let chapter = try ChapterParser(path: "v.md", source: Self.source).parse()
        #expect(chapter.inlineValues.map(\.expression) == ["6 * 7", "percent(accuracy)", "fixed(accuracy, 3)", "grouped(1853)"])
        #expect(chapter.inlineValues.map(\.line) == [3, 12, 13, 19])
        #expect(chapter.inlineValues.map(\.column) == [27, 28, 11, 23])
        #expect(chapter.inlineValues.map(\.afterCell) == [nil, 0, 0, 1])
        // Ordinary inline code stays code.
        guard case .prose(.paragraph(let inlines, _)) = chapter.content[3] else { Issue.record("\(chapter.content)"); return }
        #expect(inlines.contains(.code("accuracy")))
        #expect(inlines.contains(.value(1)))
    }

    @Test func anEmptyExpressionIsAnErrorAtItsPlace() {
        #expect(throws: ChapterError(path: "e.md", line: 1, column: 21, message: "`{swift}` needs an expression after it, e.g. `{swift} fixed(loss, 3)`")) {
            try ChapterParser(path: "e.md", source: "Empty one: `{swift} ` here.\n").parse()
        }
    }

    @Test func theMarkerAloneAndAnEscapedValueStayCode() throws {
        let chapter = try ChapterParser(path: "m.md", source: "Write `{swift}` then an expression, as in `\\{swift} fixed(x, 2)`.\n").parse()
        #expect(chapter.inlineValues.isEmpty)
        #expect(chapter.content == [.prose(.paragraph([.text("Write "), .code("{swift}"), .text(" then an expression, as in "),
                                                       .code("{swift} fixed(x, 2)"), .text(".")], line: 1))])
    }

    @Test func resolvedValuesJoinTheTextAroundThem() throws {
        let chapter = try ChapterParser(path: "v.md", source: "A (`{swift} x`) b `{swift} y`.\n").parse()
        let resolved = chapter.resolvingInlineValues([0: "42"])
        #expect(resolved.content == [.prose(.paragraph([.text("A (42) b "), .code("y"), .text(".")], line: 1))])
    }

    @Test func theCacheKeyHoldsExpressionsNotTheProseAroundThem() throws {
        func key(_ text: String) throws -> String {
            ResultCache.key(for: try ChapterParser(path: "k.md", source: text).parse(), compilerVersion: "c", engineFingerprint: "e").key
        }
        let base = "```swift\nlet n = 1\n```\n\nWe have `{swift} n` things.\n"
        #expect(try key(base) == key(base.replacingOccurrences(of: "We have", with: "There are")))
        #expect(try key(base) != key(base.replacingOccurrences(of: "{swift} n", with: "{swift} n + 1")))
    }

    @Test func valuesAreComputedAndShown() throws {
        let path = TestSupport.chapter(Self.source)
        let chapter = try Chapter.load(path: path)
        let result = TestSupport.runner.run(chapter, useCache: false).result
        #expect(result.passed, "\(result)")
        #expect(result.inlineValues == [0: "42", 1: "82.3 %", 2: "0.823", 3: "1,853"])
        let text = ChapterTextRenderer(style: TerminalStyle(width: 100, color: false)).render(chapter, result: result)
        #expect(text.contains("The model reached 82.3 % (plain code: accuracy), that is (0.823)."), "\(text)")
        #expect(text.contains("In a list: 1,853"))
    }

    @Test func aBrokenExpressionFailsAtItsProseLine() throws {
        let path = TestSupport.chapter("""
        ```swift
        let xs = [1, 2]
        ```

        Fine `{swift} xs.count`, broken `{swift} undefinedThing + 1`.
        """)
        let result = try TestSupport.run(path)
        let failure = try #require(result.failures.first?.failure)
        #expect(failure.kind == .compileError)
        #expect(failure.line == 5)
        #expect(failure.column == 42)
        #expect(failure.message.hasPrefix("in the inline value `{swift} undefinedThing + 1`: cannot find 'undefinedThing'"))
    }

    @Test func aTrappingExpressionFailsAtItsProseLine() throws {
        let path = TestSupport.chapter("""
        ```swift
        let xs = [1, 2]
        ```

        It traps: `{swift} xs[5]`.

        ```swift
        print("later")
        ```
        """)
        let result = try TestSupport.run(path)
        let failure = try #require(result.failures.first?.failure)
        #expect(failure.kind == .runtimeError)
        #expect(failure.line == 5)
        #expect(failure.message.contains("Index out of range"))
        if case .notRun = result.cell(1).status {} else { Issue.record("the later cell ran: \(result.cell(1))") }
    }
}
