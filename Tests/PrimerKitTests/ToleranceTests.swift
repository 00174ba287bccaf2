import Foundation
import Testing
@testable import PrimerKit

@Suite struct ToleranceOptionTests {
    @Test func parsesEveryOption() throws {
        #expect(try ToleranceOptions.parse(["tolerance=2%"]) == ToleranceOptions(numbers: NumberBounds(relative: 0.02, absolute: nil)))
        #expect(try ToleranceOptions.parse(["abs=0.01"]) == ToleranceOptions(numbers: NumberBounds(relative: nil, absolute: 0.01)))
        #expect(try ToleranceOptions.parse("tolerance=0.5%  abs=1e-3") == ToleranceOptions(numbers: NumberBounds(relative: 0.005, absolute: 0.001)))
        #expect(try ToleranceOptions.parse(["integers=20"]) == ToleranceOptions(integers: NumberBounds(relative: nil, absolute: 20)))
        #expect(try ToleranceOptions.parse(["integers=1%"]) == ToleranceOptions(integers: NumberBounds(relative: 0.01, absolute: nil)))
        #expect(try ToleranceOptions.parse(["integers=exact"]) == ToleranceOptions(integers: .exact))
        #expect(try ToleranceOptions.parse([String]()) == ToleranceOptions())
    }

    @Test func rejectsUnknownRepeatedAndMalformedOptions() {
        func message(_ words: [String]) -> String? {
            do { _ = try ToleranceOptions.parse(words); return nil } catch { return error.message }
        }
        #expect(message(["tolerence=2%"])?.contains("known options: tolerance=PERCENT% (relative), abs=NUMBER (absolute)") == true)
        #expect(message(["tolerance=2"])?.contains("a relative tolerance is a percentage") == true)
        #expect(message(["tolerance=two%"]) != nil)
        #expect(message(["abs=-1"]) != nil)
        #expect(message(["abs=inf"]) != nil)
        #expect(message(["integers=lots"]) != nil)
        #expect(message(["tolerance=1%", "tolerance=2%"]) == "`tolerance` is stated twice; state each tolerance option once")
    }
}

@Suite struct ToleranceComparisonTests {
    func tolerance(_ words: String) throws -> Tolerance {
        Tolerance.resolve([StatedTolerance(options: try ToleranceOptions.parse(words), source: .block)])
    }

    @Test func relativeToleranceAtAndJustPastItsBound() throws {
        let t = try tolerance("tolerance=2%")
        #expect(OutputComparison.mismatch(expected: "loss 98", actual: "loss 100.0", tolerance: t) == nil)      // 2 of 100
        #expect(OutputComparison.mismatch(expected: "loss 98", actual: "loss 100.01", tolerance: t) != nil)
        #expect(OutputComparison.mismatch(expected: "acc 0.830", actual: "acc 0.8288", tolerance: t) == nil)
        // A relative tolerance alone does not accept noise around zero.
        #expect(OutputComparison.mismatch(expected: "bias 0.0", actual: "bias 0.001", tolerance: t) != nil)
    }

    @Test func absoluteToleranceAtAndJustPastItsBound() throws {
        let t = try tolerance("abs=0.01")
        #expect(OutputComparison.mismatch(expected: "acc 0.50", actual: "acc 0.51", tolerance: t) == nil)
        #expect(OutputComparison.mismatch(expected: "acc 0.50", actual: "acc 0.4899", tolerance: t) != nil)
        #expect(OutputComparison.mismatch(expected: "bias 0.0", actual: "bias -0.004", tolerance: t) == nil)
    }

    @Test func eitherBoundIsEnoughWhenBothAreStated() throws {
        let t = try tolerance("tolerance=1% abs=0.5")
        #expect(OutputComparison.mismatch(expected: "x 1000.0", actual: "x 1010.0", tolerance: t) == nil)   // relative
        #expect(OutputComparison.mismatch(expected: "x 1.0", actual: "x 1.5", tolerance: t) == nil)         // absolute
        #expect(OutputComparison.mismatch(expected: "x 1.0", actual: "x 1.6", tolerance: t) != nil)
    }

    @Test func integersAreExactUnlessTheToleranceSaysIntegers() throws {
        #expect(OutputComparison.mismatch(expected: "misclassified: 1853", actual: "misclassified: 1854") != nil)
        #expect(OutputComparison.mismatch(expected: "misclassified: 1853", actual: "misclassified: 1854", tolerance: try tolerance("tolerance=5% abs=2")) != nil)

        let counted = try tolerance("integers=13")
        #expect(OutputComparison.mismatch(expected: "misclassified: 1853", actual: "misclassified: 1866", tolerance: counted) == nil)
        #expect(OutputComparison.mismatch(expected: "misclassified: 1853", actual: "misclassified: 1867", tolerance: counted) != nil)

        let relative = try tolerance("integers=1%")
        #expect(OutputComparison.mismatch(expected: "n 1000", actual: "n 1010", tolerance: relative) == nil)   // 10 of 1010
        #expect(OutputComparison.mismatch(expected: "n 1000", actual: "n 1011", tolerance: relative) != nil)
        // The other numbers keep their own rule (here the default 0.1 %).
        #expect(OutputComparison.mismatch(expected: "acc 0.830", actual: "acc 0.8288", tolerance: relative) != nil)
    }

    @Test func anIntegerBesideANonIntegerFollowsTheNumbersRule() throws {
        #expect(OutputComparison.mismatch(expected: "n 1853", actual: "n 1853.5", tolerance: try tolerance("abs=1")) == nil)
    }

    @Test func theReportSaysHowFarOffAndWhichToleranceApplied() throws {
        let m = try #require(OutputComparison.mismatch(expected: "ok\nCNN, test accuracy: 0.830", actual: "ok\nCNN, test accuracy: 0.8288"))
        #expect(m.line == 2 && m.expected == "CNN, test accuracy: 0.830" && m.actual == "CNN, test accuracy: 0.8288")
        #expect(m.number?.description == "expected 0.830, got 0.8288: off by 0.0012 (0.14 %); allowed for numbers: 0.1 % relative or 1e-6 absolute (Primer's default) — if this number may vary, state a tolerance on the block: ```output tolerance=…%")

        let count = try #require(OutputComparison.mismatch(expected: "misclassified: 1853", actual: "misclassified: 1866"))
        #expect(count.number?.description == "expected 1853, got 1866: off by 13 (0.7 %); integers must match exactly (Primer's default) — if this count may vary, state a tolerance on the block: ```output integers=…")

        let stated = try #require(OutputComparison.mismatch(expected: "a 1.0 b 2.0", actual: "a 1.0 b 2.5", tolerance: try tolerance("tolerance=2%")))
        #expect(stated.number?.description == "expected 2.0, got 2.5: off by 0.5 (20 %); allowed for numbers: 2 % relative (stated on the block) — if it may vary that much, widen the tolerance")

        // A difference in the text has no number to report.
        #expect(OutputComparison.mismatch(expected: "cat 1", actual: "dog 1")?.number == nil)
    }
}

@Suite struct TolerancePrecedenceTests {
    /// A chapter in a scratch folder, optionally with a book.json beside it.
    func load(_ text: String, bookJSON: String? = nil, function: String = #function) throws -> Chapter {
        let path = TestSupport.chapter(text, function: function)
        if let bookJSON {
            let book = (path as NSString).deletingLastPathComponent + "/book.json"
            try Data(bookJSON.utf8).write(to: URL(fileURLWithPath: book))
        }
        return try Chapter.load(path: path)
    }

    /// Checks `chapter` as if each cell had printed `printed[i]`.
    func check(_ chapter: Chapter, printed: [String]) -> ChapterResult {
        let cells = printed.enumerated().map { CellResult(index: $0.offset, status: .passed, outputs: [.stdout($0.element)]) }
        return ExpectationCheck.apply(chapter, to: ChapterResult(path: chapter.path, cells: cells, seconds: 0))
    }

    func failureOf(_ result: ChapterResult, cell: Int) -> CellFailure? {
        if case .failed(let failure) = result.cells[cell].status { return failure } else { return nil }
    }

    static let fourBlocks = """
    <!-- primer: tolerance=5% -->

    ```swift
    print(1)
    ```

    ```output tolerance=1%
    x 100.0
    ```

    ```swift
    print(2)
    ```

    ```output
    x 100.0
    ```

    ```swift
    print(3)
    ```

    ```output integers=5
    x 100.0 n 50
    ```

    ```swift
    print(4)
    ```

    ```output
    n 50
    ```
    """

    @Test func blockOverChapterOverBookOverDefault() throws {
        let chapter = try load(Self.fourBlocks, bookJSON: #"{"title": "T", "tolerance": "tolerance=10% integers=20"}"#)
        #expect(chapter.tolerance == StatedTolerance(options: ToleranceOptions(numbers: NumberBounds(relative: 0.05, absolute: nil)), source: .chapter(line: 1)))
        let result = check(chapter, printed: ["x 103.0\n", "x 103.0\n", "x 103.0 n 54\n", "n 69\n"])
        // Block 1: its own 1 % rejects 3 % off, and the report says so.
        let blockFailure = try #require(failureOf(result, cell: 0))
        #expect(blockFailure.line == 8)
        #expect(blockFailure.details.last?.contains("allowed for numbers: 1 % relative (stated on the block)") == true)
        // Block 2: states nothing, so the chapter's 5 % applies.
        #expect(result.cells[1].status == .passed)
        // Block 3: its integers=5 accepts 54 for 50; its numbers follow the chapter's 5 %.
        #expect(result.cells[2].status == .passed)
        // Block 4: neither block nor chapter states integers: the book's 20 accepts 69 for 50 …
        #expect(result.cells[3].status == .passed)
        // … but not 71.
        let bookFailure = try #require(failureOf(check(chapter, printed: ["x 100.0\n", "x 100.0\n", "x 100.0 n 50\n", "n 71\n"]), cell: 3))
        #expect(bookFailure.details.last?.contains("allowed for integers: 20 absolute (from \((chapter.path as NSString).deletingLastPathComponent)/book.json)") == true)
    }

    @Test func chapterToleranceReportsItsLine() throws {
        let chapter = try load(Self.fourBlocks)
        let failure = try #require(failureOf(check(chapter, printed: ["x 100.0\n", "x 106.0\n", "x 100.0 n 50\n", "n 50\n"]), cell: 1))
        #expect(failure.details.last?.contains("allowed for numbers: 5 % relative (the chapter's, line 1)") == true)
        // Without a book.json, integers fall back to the default: exact.
        let exact = try #require(failureOf(check(chapter, printed: ["x 100.0\n", "x 100.0\n", "x 100.0 n 50\n", "n 51\n"]), cell: 3))
        #expect(exact.details.last?.contains("integers must match exactly (Primer's default)") == true)
    }

    @Test func withNothingStatedTheDefaultApplies() throws {
        let chapter = try load("```swift\nprint(1)\n```\n\n```output\nx 100.0\n```\n", bookJSON: #"{"title": "T"}"#)
        #expect(chapter.tolerance == nil && chapter.bookTolerance == nil && chapter.cells[0].expectedOutput?.tolerance == nil)
        #expect(check(chapter, printed: ["x 100.1\n"]).passed)
        #expect(!check(chapter, printed: ["x 100.2\n"]).passed)
    }

    @Test func tolerancesAreNotPartOfTheCacheKey() throws {
        let plain = try load("```swift\nprint(1)\n```\n\n```output\nx 1.0\n```\n")
        let tolerant = try load("<!-- primer: integers=3 -->\n\n```swift\nprint(1)\n```\n\n```output tolerance=2% abs=0.1\nx 1.0\n```\n",
                                bookJSON: #"{"title": "T", "tolerance": "abs=1"}"#)
        #expect(ResultCache.key(for: plain, compilerVersion: "v", engineFingerprint: "e").key
                == ResultCache.key(for: tolerant, compilerVersion: "v", engineFingerprint: "e").key)
    }
}

@Suite struct ToleranceErrorTests {
    func parseError(_ text: String) -> ChapterError? {
        do { _ = try Chapter.parse(Data(text.utf8), path: "c.md"); return nil } catch { return error as? ChapterError }
    }

    @Test func malformedBlockOptionIsAnErrorAtTheBlock() throws {
        let error = try #require(parseError("# T\n\n```swift\nprint(1)\n```\n\n```output tolerence=2%\n1\n```\n"))
        #expect(error.line == 7)
        #expect(error.message.hasPrefix("`output` block: unknown tolerance option `tolerence=2%`; known options: tolerance=PERCENT%"))
    }

    @Test func malformedDirectiveIsAnErrorAtTheDirective() throws {
        let error = try #require(parseError("# T\n\n<!-- primer: tolerance=2 -->\n"))
        #expect(error.line == 3 && error.message.contains("a relative tolerance is a percentage"))
        let unknown = try #require(parseError("<!-- primer: tolerate 2% -->\n"))
        #expect(unknown.message.contains("primer: tolerance=2% abs=0.01 integers=1%"))
    }

    @Test func aChapterStatesItsToleranceOnce() throws {
        let error = try #require(parseError("<!-- primer: tolerance=2% -->\n\ntext\n\n<!-- primer: abs=0.1 -->\n"))
        #expect(error.line == 5 && error.message.contains("already stated at line 1"))
    }

    @Test func malformedBookToleranceIsAnErrorInBookJSON() throws {
        let path = TestSupport.chapter("# T\n")
        let book = (path as NSString).deletingLastPathComponent + "/book.json"
        try Data("{\n  \"title\": \"T\",\n  \"tolerance\": \"relative=2%\"\n}\n".utf8).write(to: URL(fileURLWithPath: book))
        #expect(throws: ChapterError(path: book, line: 3, message: "`tolerance`: unknown tolerance option `relative=2%`; known options: \(ToleranceOptions.known)")) {
            try Chapter.load(path: path)
        }
        try Data(#"{"title": "T", "tolerance": {"relative": 0.02}}"#.utf8).write(to: URL(fileURLWithPath: book))
        #expect(throws: ChapterError.self) { try Chapter.load(path: path) }
    }
}

@Suite struct ToleranceBlessTests {
    @Test func blessKeepsTheBlocksOptions() throws {
        let path = TestSupport.chapter("# T\n\n```swift\nprint(1)\n```\n\n````output tolerance=1% integers=2\nx 1.0\n````\n\nEnd.\n")
        let chapter = try Chapter.load(path: path)
        let printed = ChapterResult(path: path, cells: [CellResult(index: 0, status: .passed, outputs: [.stdout("x 2.0\n")])], seconds: 0)
        let result = ExpectationCheck.apply(chapter, to: printed)
        #expect(!result.passed)
        #expect(try Blesser.bless(chapter, result: result) == 1)
        let blessed = try Chapter.load(path: path)
        #expect(blessed.source == "# T\n\n```swift\nprint(1)\n```\n\n````output tolerance=1% integers=2\nx 2.0\n````\n\nEnd.\n")
        #expect(blessed.cells[0].expectedOutput?.tolerance == chapter.cells[0].expectedOutput?.tolerance)
    }
}

@Suite struct AnyLineTests {
    @Test func anEllipsisLineMatchesAnyOneLine() {
        #expect(OutputComparison.mismatch(expected: "epoch 1\n…\ndone", actual: "epoch 1\ntook 3.2 s\ndone") == nil)
        #expect(OutputComparison.mismatch(expected: "a\n…", actual: "a")?.line == 2)                  // not a missing line
        #expect(OutputComparison.mismatch(expected: "…\nb", actual: "x\ny\nb")?.line == 2)           // nor two lines
        #expect(OutputComparison.mismatch(expected: "took …", actual: "took 3.2 s") != nil)         // only a whole line
    }

    @Test func blessKeepsEllipsisLinesWhenTheShapeIsKept() throws {
        let path = TestSupport.chapter("```swift\nprint(1)\n```\n\n```output\nloss 0.5\n…\n```\n")
        let chapter = try Chapter.load(path: path)
        let printed = ChapterResult(path: path, cells: [CellResult(index: 0, status: .passed, outputs: [.stdout("loss 0.4\ntook 2 s\n")])], seconds: 0)
        #expect(try Blesser.bless(chapter, result: ExpectationCheck.apply(chapter, to: printed)) == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "```swift\nprint(1)\n```\n\n```output\nloss 0.4\n…\n```\n")
    }
}

@Suite struct ToleranceCacheTests {
    @Test func statingAToleranceRechecksTheCachedRunWithoutRunning() throws {
        let folder = TestSupport.scratchFolder()
        let path = TestSupport.copyFixture("mismatch.md", into: folder)
        let runner = TestSupport.runner(cache: folder + "/.cache")
        let first = runner.run(try Chapter.load(path: path)).result
        #expect(!first.passed && !first.fromCache)
        // accuracy 0.91 against 0.87 is 4.4 % off: a 5 % tolerance on the block accepts it.
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "```output\naccuracy 0.87", with: "```output tolerance=5%\naccuracy 0.87")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let again = runner.run(try Chapter.load(path: path)).result
        #expect(again.fromCache && again.passed)
    }
}
