import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PrimerKit

/// The `primer` tool itself, run as a process the way CI and authors run it.
@Suite(.serialized) struct CommandTests {
    @Test func checkPassesAndFailsWithLocations() throws {
        let folder = TestSupport.scratchFolder()
        _ = TestSupport.copyFixture("state-and-streams.md", into: folder)
        _ = TestSupport.copyFixture("compile-error.md", into: folder)
        let (status, output) = try TestSupport.primer(["check", ".", "--junit", "report.xml", "-j", "2"], in: folder,
                                                      environment: ["GITHUB_ACTIONS": "true"])
        #expect(status == 1)
        #expect(output.contains("PASS"))
        #expect(output.contains("compile-error.md:10:20: error: compile error: cannot find 'undefinedName' in scope"))
        #expect(output.contains("> 10 | let total = fine + undefinedName"))
        #expect(output.contains("::error file=compile-error.md,line=10,col=20,title=compile error::cannot find 'undefinedName' in scope"))
        #expect(output.contains("chapters: 1 passed, 1 failed"))
        let junit = try #require(FileManager.default.contents(atPath: folder + "/report.xml"))
        let parser = XMLParser(data: junit)
        #expect(parser.parse(), "JUnit report is not well-formed XML")
        #expect(String(decoding: junit, as: UTF8.self).contains("<failure type=\"compile error\""))
    }

    @Test func checkBlessRewritesExpectedOutput() throws {
        let folder = TestSupport.scratchFolder()
        let path = TestSupport.copyFixture("mismatch.md", into: folder)
        let (status, output) = try TestSupport.primer(["check", "mismatch.md", "--bless"], in: folder)
        #expect(status == 0, "\(output)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("accuracy 0.91"))
        let (again, _) = try TestSupport.primer(["check", "mismatch.md", "--explain"], in: folder)
        #expect(again == 0)
    }

    @Test func checkReportsBadInputWithoutCrashing() throws {
        let folder = TestSupport.scratchFolder()
        try Data("# T\n\n```swift\nlet a = 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/unterminated.md"))
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder + "/binary.md"))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.md"))
        try Data("```swift\n// only a comment\n```\n".utf8).write(to: URL(fileURLWithPath: folder + "/comment.md"))
        let (status, output) = try TestSupport.primer(["check", "."], in: folder)
        #expect(status == 1)
        #expect(output.contains("unterminated.md:3:1: error: this code fence is never closed"))
        #expect(output.contains("binary.md:1:3: error: the file is not valid UTF-8"))
        #expect(output.contains("PASS") && output.contains("empty.md"))
        #expect(output.contains("chapters: 2 passed, 2 failed"))

        let empty = TestSupport.scratchFolder("emptyFolder")
        let (noChapters, message) = try TestSupport.primer(["check", "."], in: empty)
        #expect(noChapters == 2 && message.contains("no chapters"))
        let (missing, missingMessage) = try TestSupport.primer(["run", "nowhere.md"], in: empty)
        #expect(missing == 2 && missingMessage.contains("nowhere.md:1:1: error: no such file"))
    }

    @Test func buildWritesAnEscapedSiteAndFailsOnErrors() throws {
        let folder = TestSupport.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/book", withIntermediateDirectories: true)
        _ = TestSupport.copyFixture("escaping.md", into: folder + "/book")
        _ = TestSupport.copyFixture("trap.md", into: folder + "/book")
        try Data("# The book\n\n- [Escaping](escaping.md)\n- [Trap](trap.md)\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/book/SUMMARY.md"))
        let (status, output) = try TestSupport.primer(["build", "book", "--out", "site"], in: folder)
        #expect(status == 1, "\(output)")
        #expect(output.contains("The course is at"))
        let page = try String(contentsOfFile: folder + "/site/escaping.html", encoding: .utf8)
        #expect(page.contains("&lt;script&gt;alert(&#39;output&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<div onclick"))
        #expect(!page.contains("src=\"http"))
        let trap = try String(contentsOfFile: folder + "/site/trap.html", encoding: .utf8)
        #expect(trap.contains("trap.md:6:"))
        #expect(trap.contains("Index out of range"))
        let index = try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8)
        #expect(index.contains("escaping.html") && index.contains("trap.html") && index.contains("✗ 1 error"))
        for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/site") where file.hasSuffix(".html") {
            let html = try String(contentsOfFile: folder + "/site/" + file, encoding: .utf8)
            #expect(!html.contains("src=\"http") && !html.contains("url(http"), "\(file) refers to an external resource")
        }
    }

    @Test func killedBuildLeavesTheOldSiteAndAUsableCache() throws {
        let folder = TestSupport.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/book", withIntermediateDirectories: true)
        _ = TestSupport.copyFixture("state-and-streams.md", into: folder + "/book")
        let (first, output) = try TestSupport.primer(["build", "book", "--out", "site"], in: folder)
        #expect(first == 0, "\(output)")
        let oldIndex = try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8)

        // Add a slow chapter and kill the build at several moments while it runs.
        try Data("# Slow\n\n```swift\nprint(\"start\")\nThread.sleep(forTimeInterval: 30)\n```\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/book/slow.md"))
        for delay in [0.05, 0.5, 2.0] {
            let pid = try Spawn.start(TestSupport.primerExecutable, ["build", "book", "--out", "site"],
                                      environment: TestSupport.primerEnvironment(), directory: folder,
                                      descriptors: [1: nil, 2: nil])
            Thread.sleep(forTimeInterval: delay)
            kill(pid, SIGKILL)
            _ = Spawn.wait(pid)
            #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == oldIndex)
        }
        // The cache still holds the finished chapter and every entry decodes.
        let runner = TestSupport.runner(cache: folder + "/.primer-cache")
        let cached = runner.run(try Chapter.load(path: folder + "/book/state-and-streams.md"))
        #expect(cached.result.fromCache)
    }

    @Test func twoBuildsAtOnceDoNotCorruptEachOther() throws {
        let folder = TestSupport.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/book", withIntermediateDirectories: true)
        _ = TestSupport.copyFixture("state-and-streams.md", into: folder + "/book")
        _ = TestSupport.copyFixture("rich.md", into: folder + "/book")
        let statuses = Locked([Int32]())
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let status = (try? TestSupport.primer(["build", "book", "--out", "site"], in: folder).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == [0, 0])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder + "/site").filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["index.html", "rich.html", "state-and-streams.html"])
        // No staging folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("staging") }.isEmpty)
    }

    @Test func rebuildingGivesTheSameBytes() throws {
        let folder = TestSupport.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/book", withIntermediateDirectories: true)
        _ = TestSupport.copyFixture("rich.md", into: folder + "/book")
        _ = TestSupport.copyFixture("escaping.md", into: folder + "/book")
        for site in ["one", "two"] {
            let (status, output) = try TestSupport.primer(["build", "book", "--out", site], in: folder)
            #expect(status == 0, "\(output)")
        }
        // The index shows run times; everything else must not change between builds.
        for file in ["rich.html", "escaping.html", "assets/search-index.js", "assets/primer.css"] {
            let one = FileManager.default.contents(atPath: folder + "/one/" + file)
            #expect(one != nil && one == FileManager.default.contents(atPath: folder + "/two/" + file), "\(file) differs")
        }
    }

    @Test func malformedMathWarnsAndFailsUnderStrict() throws {
        let folder = TestSupport.scratchFolder()
        try Data("# Math\n\nFine $x^2$, broken $\\frac{a}$ here.\n".utf8).write(to: URL(fileURLWithPath: folder + "/math.md"))
        let (status, output) = try TestSupport.primer(["check", "math.md"], in: folder)
        #expect(status == 0, "\(output)")
        #expect(output.contains("math.md:3:1: warning: cannot typeset `\\frac{a}`"))
        let (strict, strictOutput) = try TestSupport.primer(["check", "math.md", "--strict"], in: folder)
        #expect(strict == 1)
        #expect(strictOutput.contains("math.md:3:1: error: cannot typeset"))
    }

    @Test func stepRunsStraightThroughWithoutATerminal() throws {
        let path = TestSupport.copyFixture("state-and-streams.md")
        let folder = (path as NSString).deletingLastPathComponent
        let (status, output) = try TestSupport.primer(["step", "state-and-streams.md"], in: folder)
        #expect(status == 0, "\(output)")
        let hello = try #require(output.range(of: "hello 1"))
        let second = try #require(output.range(of: "HELLO 2"))
        let source2 = try #require(output.range(of: "print(greeting.uppercased(), counter.tick())"))
        #expect(hello.lowerBound < source2.lowerBound && source2.lowerBound < second.lowerBound)
        #expect(output.contains("warning from cell 2"))
    }

    @Test(.enabled(if: TmuxSession.available))
    func stepWaitsForTheLearnerUnderTmux() throws {
        let path = TestSupport.copyFixture("state-and-streams.md")
        let folder = (path as NSString).deletingLastPathComponent
        let command = "cd \(folder) && PRIMER_HOME=\(TestSupport.runner.toolchain.packageRoot) PRIMER_STATE_DIR=\(TestSupport.scratchFolder("state")) \(TestSupport.primerExecutable) step state-and-streams.md; echo EXIT=$?; sleep 60"
        let tmux = try TmuxSession(command: command, columns: 100)
        defer { tmux.end() }
        func screen() throws -> String { try tmux.screen() }
        func waitFor(_ text: String) throws -> Bool { try tmux.waitFor(text) }
        #expect(try waitFor("Enter: run this cell"))
        #expect(try !screen().contains("hello 1"))       // nothing runs before Enter
        try tmux.press("Enter")
        #expect(try waitFor("hello 1"))
        #expect(try !screen().contains("HELLO 2"))
        try tmux.press("q")
        #expect(try waitFor("EXIT=0"))
        #expect(try !screen().contains("HELLO 2"))
        #expect(try screen().contains("Stopped."))
    }
}
