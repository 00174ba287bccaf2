import Foundation
import Testing
@testable import PrimerKit

/// Editions: a book that translates another shares its cells, verified identical, and its
/// results come from the source's run.
@Suite struct EditionTests {
    static let source = """
        # Counting

        A paragraph about counting.

        ```swift
        let n = 6 * 7
        print("n =", n)
        ```

        ```output
        n = 42
        ```

        The answer is `{swift} n`.

        ## More

        A second section.

        ```swift
        print(n + 1)
        ```
        """

    static let translation = """
        <!-- primer: translates ../en/counting.md -->
        # 计数

        关于计数的一段话，
        比原文多一行。

        ```swift
        let n = 6 * 7
        print("n =", n)
        ```

        ```output
        n = 42
        ```

        答案是 `{swift} n`。

        ## 更多

        第二节。

        ```swift
        print(n + 1)
        ```
        """

    /// A course with `en/counting.md` and its translation `zh/counting.md`.
    static func course(translation: String = translation, function: String = #function) -> (root: String, source: String, translated: String) {
        let root = TestSupport.scratchFolder(function)
        for (folder, json) in [("en", #"{"title": "Counting", "language": "en"}"#),
                               ("zh", #"{"title": "计数", "language": "zh-Hans", "translationOf": "../en"}"#)] {
            try! FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try! Data(json.utf8).write(to: URL(fileURLWithPath: root + "/\(folder)/book.json"))
        }
        try! Data(source.utf8).write(to: URL(fileURLWithPath: root + "/en/counting.md"))
        try! Data(translation.utf8).write(to: URL(fileURLWithPath: root + "/zh/counting.md"))
        return (root, root + "/en/counting.md", root + "/zh/counting.md")
    }

    /// Counts the compiles a run makes.
    final class CompileCounter: RunObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var compiles: Int { lock.withLock { count } }
        func observe(_ event: RunEvent) { if case .compiling = event { lock.withLock { count += 1 } } }
    }

    @Test func theDirectiveNamesTheSourceRelativeToTheChapter() throws {
        let course = Self.course()
        let chapter = try Chapter.load(path: course.translated)
        #expect(chapter.translation?.written == "../en/counting.md")
        #expect(Paths.absolute(chapter.translation!.path) == Paths.absolute(course.source))
        #expect(Paths.lexicallyJoined(folder: "Chapters-zh", "../Chapters/01.md") == "Chapters/01.md")
        #expect(Paths.lexicallyJoined(folder: "/a/b", "../../c.md") == "/c.md")
    }

    @Test func aTranslationIsServedFromItsSourcesRunWithoutCompiling() throws {
        let course = Self.course()
        let runner = TestSupport.runner(cache: course.root + "/.cache")
        let english = runner.run(try Chapter.load(path: course.source)).result
        #expect(english.passed && !english.fromCache)

        let counter = CompileCounter()
        let chinese = runner.run(try Chapter.load(path: course.translated), observer: counter)
        #expect(counter.compiles == 0)
        #expect(chinese.result.passed && chinese.result.fromCache)
        #expect(chinese.result.path == course.translated)
        #expect(chinese.result.cells.map(\.outputs) == english.cells.map(\.outputs))
        #expect(chinese.result.inlineValues == english.inlineValues)
        #expect(chinese.explanation.contains("from its source"))

        // A fresh runner (another command) finds the source's entry in the cache: still no compile.
        let later = TestSupport.runner(cache: course.root + "/.cache")
        let again = CompileCounter()
        #expect(later.run(try Chapter.load(path: course.translated), observer: again).result.passed)
        #expect(again.compiles == 0)
    }

    @Test func aBatchOfBothEditionsRunsTheProgramOnceEvenWithoutTheCache() throws {
        let course = Self.course()
        let counter = CompileCounter()
        let batch = ChapterBatch(runner: TestSupport.runner(cache: course.root + "/.cache"), jobs: 2, useCache: false,
                                 observer: { _ in counter })
        let items = batch.run([course.translated, course.source])
        #expect(items.map(\.result.passed) == [true, true])
        #expect(counter.compiles == 1)
        #expect(items[0].result.path == course.translated)
    }

    @Test func aFailureIsReportedAtTheTranslationsOwnLines() throws {
        let broken = { (text: String) in text.replacingOccurrences(of: "n = 42\n", with: "n = 41\n") }
        let course = Self.course(translation: broken(Self.translation))
        try Data(broken(Self.source).utf8).write(to: URL(fileURLWithPath: course.source))
        let result = TestSupport.runner.run(try Chapter.load(path: course.translated), useCache: false).result
        let failure = try #require(result.failures.first?.failure)
        #expect(failure.kind == .outputMismatch)
        // The output block's line in the Chinese file (one line lower than in the English).
        let lines = Self.translation.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = lines.firstIndex(of: "n = 42")! + 1
        #expect(failure.line == expected)
    }

    @Test func aCellThatDiffersFailsAtBothFilesLines() throws {
        let course = Self.course(translation: Self.translation.replacingOccurrences(of: "print(n + 1)", with: "print(n + 2)"))
        let result = TestSupport.runner.run(try Chapter.load(path: course.translated)).result
        let error = try #require(result.chapterError)
        #expect(error.path == course.translated)
        #expect(error.line == 22)   // the second cell's fence in the translation
        #expect(error.message.contains("cell 2 differs from its source at \(Paths.lexicallyJoined(folder: course.root + "/zh", "../en/counting.md")):20"))
    }

    @Test func missingCellsInlineValuesAndSourcesAreNamed() throws {
        let noSecondCell = Self.translation.components(separatedBy: "## 更多")[0]
        var result = TestSupport.runner.run(try Chapter.load(path: Self.course(translation: noSecondCell).translated)).result
        #expect(result.chapterError?.message.contains("has 1 cells, its source") == true)

        let changedValue = Self.translation.replacingOccurrences(of: "`{swift} n`", with: "`{swift} n * 2`")
        result = TestSupport.runner.run(try Chapter.load(path: Self.course(translation: changedValue).translated)).result
        #expect(result.chapterError?.message.contains("inline value differs") == true)
        #expect(result.chapterError?.line == 16)

        let nowhere = Self.translation.replacingOccurrences(of: "../en/counting.md", with: "../en/missing.md")
        result = TestSupport.runner.run(try Chapter.load(path: Self.course(translation: nowhere).translated)).result
        #expect(result.chapterError?.line == 1)
        #expect(result.chapterError?.message.contains("cannot use the source chapter") == true)
    }

    @Test func staleParagraphsAreNamedAfterTheSourceChanges() throws {
        let course = Self.course()
        let zhFolder = course.root + "/zh"
        // Never stamped: one warning at the directive.
        var stale = TranslationSync.staleness(of: try Chapter.load(path: course.translated))
        #expect(stale.count == 1 && stale[0].line == 1 && stale[0].message.contains("never been stamped"))

        try TranslationSync.stamp(edition: zhFolder)
        #expect(TranslationSync.staleness(of: try Chapter.load(path: course.translated)).isEmpty)

        // The source's second-section paragraph changes: the translated one is stale, at its line.
        let edited = Self.source.replacingOccurrences(of: "A second section.", with: "A second section, rewritten.")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: course.source))
        stale = TranslationSync.staleness(of: try Chapter.load(path: course.translated))
        #expect(stale.map(\.line) == [20])
        #expect(stale[0].message.contains("counting.md:18 changed"))

        try TranslationSync.stamp(edition: zhFolder)
        #expect(TranslationSync.staleness(of: try Chapter.load(path: course.translated)).isEmpty)
    }

    @Test func stampRefusesATranslationWhoseCellsDiffer() throws {
        let course = Self.course(translation: Self.translation.replacingOccurrences(of: "6 * 7", with: "7 * 6"))
        #expect(throws: TranslationSync.Failure.self) { try TranslationSync.stamp(edition: course.root + "/zh") }
        #expect(!FileManager.default.fileExists(atPath: course.root + "/zh/" + TranslationSync.fileName))
    }

    @Test func aSourceChapterWithoutATranslationIsNamed() throws {
        let course = Self.course()
        #expect(Editions.untranslated(edition: course.root + "/zh").isEmpty)
        try Data("# New\n\nNot translated yet.\n".utf8).write(to: URL(fileURLWithPath: course.root + "/en/extra.md"))
        #expect(Editions.untranslated(edition: course.root + "/zh") == [course.root + "/en/extra.md"])
        #expect(Editions.untranslated(edition: course.root + "/en").isEmpty, "a source book is not an edition")
    }

    @Test func buildAndInitSpeakTheBooksLanguage() throws {
        let course = Self.course()
        let built = try TestSupport.primer(["build", "zh", "--out", "site", "--cache-dir", ".cache"], in: course.root)
        #expect(built.status == 0, "\(built.output)")
        #expect(built.output.contains("课程位于") && built.output.contains("章节：1 个通过，0 个失败"), "\(built.output)")
        let started = try TestSupport.primer(["init", "new-book", "--lang", "zh-Hans"], in: course.root)
        #expect(started.status == 0 && started.output.contains("已写入 new-book/book.json") && started.output.contains("下一步："), "\(started.output)")
    }

    @Test func editionsAreFoundBesideTheirSourceAndGetLanguageFolders() throws {
        let course = Self.course()
        #expect(Editions.translations(of: course.root + "/en") == [course.root + "/zh"])
        let books = try [Book.load(folder: course.root + "/en"), Book.load(folder: course.root + "/zh")]
        #expect(Editions.siteFolders(for: books) == ["en", "zh"])
    }

    @Test func aSiteOfTwoEditionsLinksEachChapterToItsTranslation() throws {
        let course = Self.course()
        let runner = TestSupport.runner(cache: course.root + "/.cache")
        let en = try Book.load(folder: course.root + "/en"), zh = try Book.load(folder: course.root + "/zh")
        let items = ChapterBatch(runner: runner, jobs: 2).run(en.chapters.map(\.path) + zh.chapters.map(\.path))
        var site = CourseSite(editions: [.init(book: en, items: [items[0]]), .init(book: zh, items: [items[1]])])
        let out = course.root + "/site"
        try site.write(to: out)
        let english = try String(contentsOfFile: out + "/en/counting.html", encoding: .utf8)
        let chinese = try String(contentsOfFile: out + "/zh/counting.html", encoding: .utf8)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(english.contains("<html lang=\"en\">") && chinese.contains("<html lang=\"zh-Hans\">"))
        #expect(english.contains("href=\"../zh/counting.html\" hreflang=\"zh-Hans\""))
        #expect(chinese.contains("href=\"../en/counting.html\" hreflang=\"en\""))
        #expect(chinese.contains("答案是 42。"))
        #expect(index.contains("href=\"en/index.html\"") && index.contains("href=\"zh/index.html\""))
        for file in ["assets/primer.css", "assets/primer.js", "assets/search-index.js", "zh/assets/search-index.js"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let search = try String(contentsOfFile: out + "/zh/assets/search-index.js", encoding: .utf8)
        #expect(search.contains("关于计数的一段话"))
    }

    @Test(.enabled(if: TmuxSession.available))
    func aChineseChapterWrapsAtEightyColumnsUnderTmux() throws {
        let long = String(repeating: "卷积神经网络让一个小滤波器在图像的所有位置上共享，因此网络能直接从像素中学出边缘和纹理检测器。", count: 3)
        let course = Self.course(translation: Self.translation.replacingOccurrences(of: "关于计数的一段话，\n比原文多一行。", with: long + "\n（Goodfellow et al., 2014）"))
        let command = "cd \(course.root) && PRIMER_HOME=\(TestSupport.runner.toolchain.packageRoot) PRIMER_STATE_DIR=\(TestSupport.scratchFolder("state")) NO_COLOR=1 \(TestSupport.primerExecutable) step zh/counting.md; echo EXIT=$?; sleep 60"
        let tmux = try TmuxSession(command: command, columns: 80)
        defer { tmux.end() }
        #expect(try tmux.waitFor("Enter：运行此单元"), "the step prompt speaks the book's language")
        try tmux.press("c")
        #expect(try tmux.waitFor("EXIT=0"))
        let lines = try tmux.screen().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 80 }, "a line overflowed 80 columns: \(lines.filter { TextWidth.of($0) > 80 })")
        let paragraph = lines.filter { $0.contains("滤波器") || $0.contains("检测器") }
        #expect(paragraph.count >= 4, "the paragraph (\(TextWidth.of(long)) columns) is wrapped over several lines: \(paragraph)")
        #expect(lines.allSatisfy { !$0.hasSuffix("（") && !$0.hasPrefix("，") && !$0.hasPrefix("。") })
        #expect(lines.contains { $0.contains("答案是 42。") })
    }
}
