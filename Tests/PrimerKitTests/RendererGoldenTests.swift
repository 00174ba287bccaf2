import Foundation
import Testing
@testable import PrimerKit
import PrimerWire

/// Golden files for the renderers: a chapter with every kind of prose and a made-up result,
/// rendered for a terminal (plain and colour) and as a page. `PRIMER_BLESS=1 swift test
/// --filter RendererGoldenTests` rewrites the files after an intended change.
@Suite struct RendererGoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/golden"

    func chapterAndResult() throws -> (Chapter, ChapterResult) {
        let chapter = try Chapter.load(path: TestSupport.fixtures + "/rendering.md")
        let relative = Chapter(path: "Chapters/rendering.md", source: chapter.source, title: chapter.title,
                               content: chapter.content, cells: chapter.cells, dataFiles: chapter.dataFiles)
        let result = ChapterResult(path: relative.path, cells: [
            CellResult(index: 0, status: .passed, outputs: [.stdout("<hello & goodbye>\n"), .stderr("a warning\n")], seconds: 0.01),
            CellResult(index: 1, status: .failed(CellFailure(kind: .runtimeError, message: "Index out of range", line: 47, column: 7,
                                                             details: ["called from Chapters/rendering.md:48:1"])),
                       outputs: [.stdout("hidden\n")], seconds: 0.02),
        ], seconds: 0.5)
        return (relative, result)
    }

    func compare(_ actual: String, _ name: String) throws {
        let path = Self.goldenFolder + "/" + name
        if ProcessInfo.processInfo.environment["PRIMER_BLESS"] == "1" {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; run with PRIMER_BLESS=1 if the change is intended")
    }

    @Test func terminalPlain() throws {
        let (chapter, result) = try chapterAndResult()
        try compare(ChapterTextRenderer(style: TerminalStyle(width: 72, color: false)).render(chapter, result: result), "rendering-plain.txt")
    }

    @Test func terminalColour() throws {
        let (chapter, result) = try chapterAndResult()
        try compare(ChapterTextRenderer(style: TerminalStyle(width: 72, color: true)).render(chapter, result: result), "rendering-colour.txt")
    }

    @Test func htmlPage() throws {
        let (chapter, result) = try chapterAndResult()
        let book = Book(folder: "Chapters", metadata: .init(title: "Golden book"), chapters: [.init(path: chapter.path, summaryTitle: nil)])
        var site = SiteBuilder(book: book, items: [ChapterBatch.Item(chapter: chapter, result: result, explanation: "")])
        let folder = TestSupport.scratchFolder() + "/site"
        try site.write(to: folder)
        let page = try String(contentsOfFile: folder + "/rendering.html", encoding: .utf8)
        try compare(page, "rendering.html")
        // The page is well-formed enough for a browser and carries no external reference.
        #expect(!page.contains("src=\"http") && !page.contains("url(http") && !page.contains("rel=\"stylesheet\" href=\"http"))
        #expect(page.contains("<math"))
        #expect(page.contains("&lt;hello &amp; goodbye&gt;"))
        #expect(page.contains("href=\"02-next.html#start\""))
        #expect(site.warnings.isEmpty)
    }
}

/// Progress reports collapse to one line per task, whatever their labels say meanwhile.
@Suite struct ProgressCollapsingTests {
    func report(_ task: String, _ label: String?, _ completed: Int, _ total: Int) -> CellOutput {
        let payload = ProgressPayload(task: task, label: label, completed: completed, total: total,
                                      metrics: [.init(name: "loss", value: 1 / Double(completed))])
        return .rich(.progress(payload))
    }

    @Test func oneLinePerTaskAtTheFirstReportsPlace() {
        let items: [CellOutput] = [
            .stdout("start\n"),
            report("fit 1", "epoch 1/3", 5, 5), report("fit 1", "epoch 2/3", 5, 5),
            .stdout("between\n"),
            report("fit 2", "epoch 1/1", 5, 5), report("fit 1", "epoch 3/3", 5, 5),
        ]
        let collapsed = items.collapsingProgress
        #expect(collapsed.count == 4)
        let lines = collapsed.map { item -> String in
            switch item {
            case .stdout(let s): return s
            case .rich(let output): return RichOutputText(width: 80, color: false).render(output)
            default: return "?"
            }
        }
        #expect(lines[0] == "start\n")
        #expect(lines[1].hasPrefix("epoch 3/3  [") && lines[1].contains("5/5  loss 0.2000"))
        #expect(lines[2] == "between\n")
        #expect(lines[3].hasPrefix("epoch 1/1  ["))
    }
}

/// The site's theme: Primer's own files, or the book's `theme/` files in their place.
@Suite struct SiteThemeTests {
    @Test func aBooksThemeFolderReplacesPrimersFiles() throws {
        let folder = TestSupport.scratchFolder()
        let chapterPath = folder + "/one.md"
        try Data("# One\n\nText.\n".utf8).write(to: URL(fileURLWithPath: chapterPath))
        try FileManager.default.createDirectory(atPath: folder + "/theme", withIntermediateDirectories: true)
        try Data("body { color: rebeccapurple; }\n".utf8).write(to: URL(fileURLWithPath: folder + "/theme/primer.css"))
        try Data("<html lang=\"{{language}}\"><title>{{title}}</title>{{head}}<div class=\"mine\">{{body}}</div></html>\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/theme/page.html"))
        let chapter = try Chapter.load(path: chapterPath)
        let book = Book(folder: folder, metadata: .init(title: "Themed"), chapters: [.init(path: chapterPath, summaryTitle: nil)])
        var site = SiteBuilder(book: book, items: [ChapterBatch.Item(chapter: chapter, result: ChapterResult(path: chapterPath, cells: [], seconds: 0), explanation: "")])
        try site.write(to: folder + "/site")
        let css = try String(contentsOfFile: folder + "/site/assets/primer.css", encoding: .utf8)
        #expect(css.hasPrefix("body { color: rebeccapurple; }"))
        #expect(css.contains("/* Figures */"), "Primer's figure and math rules are still added")
        let page = try String(contentsOfFile: folder + "/site/one.html", encoding: .utf8)
        #expect(page.hasPrefix("<html lang=\"en\"><title>One · Themed</title>\n<script type=\"application/json\" id=\"primer-strings\">"))
        #expect(page.contains("</script><div class=\"mine\">"), "the head slot holds only the page's words for primer.js")
        // The script is Primer's own, since the book does not replace it.
        let script = try String(contentsOfFile: folder + "/site/assets/primer.js", encoding: .utf8)
        #expect(script == SiteTheme.builtIn.script)
    }

    @Test func slotTextThatLooksLikeASlotStaysText() {
        let theme = SiteTheme(stylesheet: "", script: "", skeleton: "<t>{{title}}</t>{{body}}{{unknown}}")
        #expect(theme.page(language: "en", title: "{{body}}", head: "", body: "B") == "<t>{{body}}</t>B{{unknown}}")
    }
}
