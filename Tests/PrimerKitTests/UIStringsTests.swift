import Foundation
import Testing
@testable import PrimerKit

/// Primer's own words by language: every table has every key (the compiler sees to that for
/// the switches), the Chinese table is really translated, tags choose the right table, and the
/// site and the terminal speak the book's language.
@Suite struct UIStringsTests {
    let en = UILanguage.en.strings
    let zh = UILanguage.zhHans.strings

    /// Every word of a table, by a name, with sample values for the words that take them.
    static func allWords(_ s: any UIStringTable) -> [String: String] {
        var words: [String: String] = [:]
        for key in UIText.allCases { words["text.\(key.rawValue)"] = s.text(key) }
        for action in StepPromptAction.allCases { words["prompt.\(action.rawValue)"] = s.promptAction(action) }
        for key in StepKeyMeaning.allCases { words["key.\(key.rawValue)"] = s.keyMeaning(key) }
        words["errorCount"] = s.errorCount(3)
        words["cellCount"] = s.cellCount(3)
        words["outputOfCell"] = s.outputOfCell(3)
        words["notRunBecause"] = s.notRunBecause(reason: "x")
        words["errorHeading"] = s.errorHeading(kind: "runtime")
        words["expectedErrorHeading"] = s.expectedErrorHeading(kind: "runtime")
        words["diagramNotDrawn"] = s.diagramNotDrawn(error: "e")
        words["forgotProgress"] = s.forgotProgress(in: "B")
        words["cellLabel"] = s.cellLabel(3)
        words["checkTotals"] = s.checkTotals(passed: 2, failed: 1)
        words["blessedCount"] = s.blessedCount(2)
        words["compiling"] = s.compiling(path: "a.md")
        words["compilingReplaying"] = s.compilingReplaying(first: 1, last: 3)
        words["stopped"] = s.stopped(cell: 2, path: "a.md")
        words["resuming"] = s.resuming(cell: 2)
        words["editing"] = s.editing(cell: 2, file: "f", editor: "vi")
        words["cellFailedBlocksRest"] = s.cellFailedBlocksRest(cell: 2)
        words["cellNotEdited"] = s.cellNotEdited(cell: 2)
        words["showingOriginal"] = s.showingOriginal(cell: 2)
        words["showingYours"] = s.showingYours(cell: 2)
        words["noCellAt"] = s.noCellAt(9, count: 3)
        words["runningCells"] = s.runningCells(first: 1, last: 3)
        words["notAnExercise"] = s.notAnExercise(cell: 2)
        words["cannotSaveProgress"] = s.cannotSaveProgress(error: "e")
        words["bookPrompt"] = s.bookPrompt(next: "T")
        words["reachedEnd"] = s.reachedEnd(book: "B")
        words["stoppedAtCell"] = s.stoppedAtCell(2)
        words["exercisesSolved"] = s.exercisesSolved(1, of: 2)
        words["chapterRange"] = s.chapterRange(count: 3)
        words["liveRunningCell"] = s.liveRunningCell(cell: "{cell}")
        words["liveRunningCellProgress"] = s.liveRunningCellProgress(cell: "{cell}", text: "{text}")
        words["promptCell"] = s.promptCell(3, exercise: true)
        return words
    }

    @Test func everyChineseWordIsTranslated() {
        let english = Self.allWords(en), chinese = Self.allWords(zh)
        #expect(english.keys.sorted() == chinese.keys.sorted())
        for (name, text) in chinese {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(name) is empty")
            #expect(text != english[name], "\(name) is the English \"\(text)\"")
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name) has no Chinese: \"\(text)\"")
        }
    }

    @Test func valuesLandInTheTranslation() {
        #expect(zh.errorCount(3) == "3 个错误")
        #expect(zh.runningCells(first: 2, last: 4).contains("2–4"))
        #expect(zh.liveRunningCellProgress(cell: "{cell}", text: "{text}").contains("{text}"))
        #expect(en.errorCount(1) == "1 error" && en.errorCount(2) == "2 errors")
    }

    @Test(arguments: [
        ("en", UILanguage.en), ("en-GB", .en), ("EN_us.UTF-8", .en), ("zh", .zhHans), ("zh-Hans", .zhHans),
        ("zh-CN", .zhHans), ("zh_CN.UTF-8", .zhHans), ("fr", .en), ("", .en), ("  zh-hans ", .zhHans),
    ])
    func languageTags(tag: String, language: UILanguage) {
        #expect(UILanguage(tag: tag) == language)
    }

    @Test func theTerminalLanguageIsTheOptionThenTheEnvironmentThenTheBook() {
        #expect(UILanguage.forTerminal(override: "en", bookLanguage: "zh-Hans", environment: ["PRIMER_LANG": "zh"]) == .en)
        #expect(UILanguage.forTerminal(override: nil, bookLanguage: "en", environment: ["PRIMER_LANG": "zh-CN"]) == .zhHans)
        #expect(UILanguage.forTerminal(override: nil, bookLanguage: "zh-Hans", environment: ["PRIMER_LANG": ""]) == .zhHans)
        #expect(UILanguage.forTerminal(override: nil, bookLanguage: nil, environment: [:]) == .en)
    }

    @Test func aBooksLanguageComesFromItsBookJSON() throws {
        let folder = TestSupport.scratchFolder()
        try Data(#"{"title": "书", "language": "zh-Hans"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/book.json"))
        #expect(Book.uiLanguage(folder: folder, override: nil, environment: [:]) == .zhHans)
        #expect(Book.uiLanguage(folder: folder, override: "en", environment: [:]) == .en)
        #expect(Book.uiLanguage(folder: folder + "/missing", override: nil, environment: [:]) == .en)
    }

    @Test func aChineseBooksPagesHaveChineseChrome() throws {
        let chapter = try Chapter.parse(Data("# 张量\n\n## 第一节\n\n```swift\nprint(1)\n```\n".utf8), path: "Chapters-zh/a.md")
        let result = ChapterResult(path: chapter.path, cells: [CellResult(index: 0, status: .notRun(""), outputs: [], seconds: 0)], seconds: 0)
        let book = Book(folder: "Chapters-zh", metadata: .init(title: "书", language: "zh-Hans"), chapters: [.init(path: chapter.path, summaryTitle: nil)])
        var site = SiteBuilder(book: book, items: [ChapterBatch.Item(chapter: chapter, result: result, explanation: "")])
        let folder = TestSupport.scratchFolder() + "/site"
        try site.write(to: folder)
        let page = try String(contentsOfFile: folder + "/a.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"zh-Hans\">"))
        #expect(page.contains("placeholder=\"搜索课程\""))
        #expect(page.contains("<strong>本页目录</strong>"))
        #expect(page.contains("aria-label=\"链接到本节\""))
        #expect(page.contains("未运行"))
        #expect(!page.contains("Search the course") && !page.contains("On this page"))
        // primer.js reads its words from the page.
        let json = try #require(page.range(of: "<script type=\"application/json\" id=\"primer-strings\">").map { page[$0.upperBound...] }?
            .prefix { $0 != "<" })
        let words = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(words?["copy"] == "复制")
        #expect(words?["runningCell"] == "正在运行单元 {cell}…")
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(index.contains("<th>章节</th><th>状态</th><th>用时</th>"))
        let script = try String(contentsOfFile: folder + "/assets/primer.js", encoding: .utf8)
        #expect(!script.contains("\"Copy\"") && !script.contains("No matches"))
    }

    @Test func stepSpeaksChinese() throws {
        let chapter = try Chapter.parse(Data("```swift\nprint(1)\n```\n".utf8), path: "c.md")
        let output = Locked("")
        let stepper = Stepper(runner: TestSupport.runner, chapter: chapter, style: TerminalStyle(width: 80, color: false),
                              language: .zhHans, interactive: false, write: { text in output.withLock { $0 += text } })
        stepper.observe(.compiling)
        stepper.observe(.cellBegan(0))
        let written = output.withLock { $0 }
        #expect(written.contains("正在编译 c.md…"), "\(written)")
        #expect(written.contains("── 输出 ──"), "\(written)")
        #expect(written.contains("── 单元 1 · c.md:1 "), "\(written)")
        let prompt = StepKeys.prompt(cell: 3, ran: false, exercise: false, edited: false, strings: zh)
        #expect(prompt.hasPrefix("▶ 单元 3 · Enter：运行此单元"))
        #expect(StepKeys.help(in: zh).contains("q      退出"))
        #expect(StepKeys.prompt(cell: 3, ran: false, exercise: false, edited: false, strings: en)
                == "▶ cell 3 · Enter: run this cell · e: edit · c: rest · p: back · g N: go · ?: keys · q: quit ")
    }

    @Test func checkReportColumnsAlignByDisplayWidth() {
        let report = CheckReport(style: TerminalStyle(width: 80, color: false), language: .zhHans)
        let ran = ChapterResult(path: "a.md", cells: [CellResult(index: 0, status: .passed, outputs: [], seconds: 0)], seconds: 1)
        var cached = ran
        cached.fromCache = true
        let lines = [report.summaryLine(ran), report.summaryLine(cached)]
        #expect(lines[0].hasPrefix("通过"))
        #expect(lines.map { TextWidth.of(String($0[..<$0.range(of: "a.md")!.lowerBound])) } == [24, 24], "\(lines)")
        #expect(lines[0].hasSuffix("（1 个单元）"))
        // English stays as it was, and machine-read output never changes language.
        #expect(CheckReport(style: TerminalStyle(width: 80, color: false)).summaryLine(cached).hasPrefix("PASS     1.0 s  cached  a.md"))
        let failed = ChapterResult(path: "a.md", cells: [CellResult(index: 0, status: .failed(CellFailure(kind: .runtimeError, message: "m", line: 2)),
                                                                    outputs: [], seconds: 0)], seconds: 0)
        #expect(report.failureDetails(failed, source: nil).hasPrefix("a.md:2:1: error: "))
    }
}
