import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PrimerKit
import XCTest

/// Link checking: internal links, anchors and file paths resolve; broken ones are errors at
/// their `file:line:col`; external links are listed, not fetched.
final class LinkCheckTests: XCTestCase {
    private func book(_ files: [String: String]) -> String {
        let folder = Paths.absolute(TestSupport.scratchFolder())
        for (name, text) in files {
            let path = folder + "/" + name
            try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return folder
    }

    private func check(_ folder: String) throws -> LinkCheck.Report {
        let loaded = try Book.load(folder: folder)
        let chapters = try loaded.chapters.map { try Chapter.load(path: $0.path) }
        return LinkCheck.run(chapters, book: Set(loaded.chapters.map(\.path)), root: folder)
    }

    func testGoodLinksPassAndAssetsAreCollected() throws {
        let folder = book([
            "SUMMARY.md": "- [One](01-one.md)\n- [Two](02-two.md)\n",
            "01-one.md": "# One\n\nSee [two](02-two.md), [its part](02-two.md#a-part), [cell](02-two.md#cell-1),\n[here](#one), [the cell](#cell-1) and ![plot](img/plot.png).\n\n```swift\nprint(1)\n```\n",
            "02-two.md": "# Two\n\n## A part\n\n```swift\nprint(2)\n```\n\n[Swift](https://swift.org) and <mailto:a@b.c>.\n",
            "img/plot.png": "png",
        ])
        let report = try check(folder)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.assets, ["img/plot.png"])
        XCTAssertEqual(report.external.map(\.url), ["https://swift.org", "mailto:a@b.c"])
        XCTAssertEqual(report.external.first?.line, 9)
    }

    func testBrokenLinksAreErrorsAtTheirPlace() throws {
        let folder = book([
            "SUMMARY.md": "- [One](01-one.md)\n",
            "01-one.md": "# One\n\nText [missing](03-gone.md) and\n  [bad anchor](#nowhere), [stray](notes.md),\n\n> ![lost](img/lost.png) [far](../outside.txt) [two](01-one.md#onee)\n",
            "notes.md": "# Notes\n",
        ])
        try! Data("x".utf8).write(to: URL(fileURLWithPath: (folder as NSString).deletingLastPathComponent + "/outside.txt"))
        let report = try check(folder)
        let lines = report.problems.map { "\(($0.path as NSString).lastPathComponent):\($0.line):\($0.column)" }
        XCTAssertEqual(lines, ["01-one.md:3:16", "01-one.md:4:16", "01-one.md:4:35", "01-one.md:6:11", "01-one.md:6:31", "01-one.md:6:53"],
                       report.problems.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(report.problems[0].message.contains("03-gone.md does not exist"), report.problems[0].message)
        XCTAssertTrue(report.problems[1].message.contains("#nowhere"))
        XCTAssertTrue(report.problems[2].message.contains("not a chapter of the book"))
        XCTAssertTrue(report.problems[3].message.contains("broken image"))
        XCTAssertTrue(report.problems[4].message.contains("outside the book's folder"))
        XCTAssertTrue(report.problems[5].message.contains("did you mean #one"), report.problems[5].message)
        XCTAssertTrue(report.problems[0].description.hasSuffix("01-one.md:3:16: error: broken link: 03-gone.md does not exist (paths are relative to the chapter's folder)"))
    }

    func testAnchorsAreTheOnesThePageHas() throws {
        let chapter = try Chapter.parse(Data("# Intro\n\n## Intro\n\n```swift\nprint(1)\n```\n".utf8), path: "c.md")
        XCTAssertEqual(ChapterLinks(chapter).anchors, ["intro", "intro-2", "cell-1"])
    }

    func testExternalLinksAreRecognised() {
        XCTAssertTrue(LinkCheck.isExternal("https://example.org/x.md"))
        XCTAssertTrue(LinkCheck.isExternal("mailto:a@b.c"))
        XCTAssertTrue(LinkCheck.isExternal("//cdn.example.org/x.js"))
        XCTAssertFalse(LinkCheck.isExternal("02-next.md#a:b"))
        XCTAssertFalse(LinkCheck.isExternal("img/x.png"))
    }

    /// The course and the examples: parsed, not run.
    func testTheCourseAndExamplesHaveNoBrokenLinks() throws {
        let root = try Toolchain.discover().packageRoot
        for folder in ["Chapters", "Examples"] {
            let paths = try ChapterCollection.collect([root + "/" + folder])
            let chapters = paths.compactMap { try? Chapter.load(path: $0) }
            let report = LinkCheck.run(loose: chapters)
            XCTAssertEqual(report.problems.map(\.description), [], folder)
        }
    }

    func testBrokenLinksAreFailuresInTheJUnitReport() throws {
        let passed = ChapterResult(path: "book/01.md", cells: [], seconds: 0.1)
        let other = ChapterResult(path: "book/02.md", cells: [], seconds: 0.1)
        let problem = LinkCheck.Problem(path: "book/01.md", line: 3, column: 5, message: "no chapter 09-missing.md")
        let xml = CheckReport.junit([passed, other], linkProblems: [problem])
        XCTAssertTrue(xml.contains("<testsuites name=\"primer check\" tests=\"2\" failures=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"book/01.md\" name=\"links\"><failure type=\"broken link\""), xml)
        XCTAssertTrue(xml.contains("book/01.md:3:5: no chapter 09-missing.md"), xml)
        XCTAssertTrue(XMLParser(data: Data(xml.utf8)).parse(), "well-formed XML")
        XCTAssertEqual(xml.components(separatedBy: "name=\"links\"").count, 2, "only the chapter with the broken link")
    }
}
