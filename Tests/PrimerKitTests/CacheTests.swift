import Foundation
import Testing
@testable import PrimerKit

@Suite struct CacheTests {
    @Test func secondRunComesFromCacheAndProseEditsDoNotRerun() throws {
        let folder = TestSupport.scratchFolder()
        let path = TestSupport.copyFixture("state-and-streams.md", into: folder)
        let runner = TestSupport.runner(cache: folder + "/.cache")
        let first = runner.run(try Chapter.load(path: path))
        #expect(!first.result.fromCache)
        let second = runner.run(try Chapter.load(path: path))
        #expect(second.result.fromCache)
        #expect(second.result.cells == first.result.cells)

        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "A value defined in one cell", with: "A constant declared in one cell")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let afterProse = runner.run(try Chapter.load(path: path))
        #expect(afterProse.result.fromCache)

        text = text.replacingOccurrences(of: "let greeting = \"hello\"", with: "let greeting = \"hi\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let afterCode = runner.run(try Chapter.load(path: path))
        #expect(!afterCode.result.fromCache)
        #expect(afterCode.explanation.contains("cell 0"))
        // Expected outputs are re-checked against the new run: the block says hello.
        #expect(!afterCode.result.passed)
    }

    @Test func editedOutputBlockIsRecheckedWithoutRunning() throws {
        let folder = TestSupport.scratchFolder()
        let path = TestSupport.copyFixture("mismatch.md", into: folder)
        let runner = TestSupport.runner(cache: folder + "/.cache")
        #expect(!runner.run(try Chapter.load(path: path)).result.passed)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "accuracy 0.87", with: "accuracy 0.91")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let again = runner.run(try Chapter.load(path: path))
        #expect(again.result.fromCache && again.result.passed)
    }

    @Test func declaredDataFilesArePartOfTheKey() throws {
        let folder = TestSupport.scratchFolder()
        try Data("1,2\n".utf8).write(to: URL(fileURLWithPath: folder + "/data.csv"))
        let path = folder + "/reads.md"
        try Data("<!-- primer: reads data.csv -->\n\n```swift\nprint(1)\n```\n".utf8).write(to: URL(fileURLWithPath: path))
        let chapter = try Chapter.load(path: path)
        let before = ResultCache.key(for: chapter, compilerVersion: "v", engineFingerprint: "e")
        try Data("3,4\n".utf8).write(to: URL(fileURLWithPath: folder + "/data.csv"))
        let after = ResultCache.key(for: chapter, compilerVersion: "v", engineFingerprint: "e")
        #expect(before.key != after.key)
        #expect(ResultCache.describeChange(old: before.parts, new: after.parts) == "changed: data file data.csv")
    }

    @Test func corruptEntryIsDiscarded() throws {
        let folder = TestSupport.scratchFolder()
        let path = TestSupport.copyFixture("rich.md", into: folder)
        let runner = TestSupport.runner(cache: folder + "/.cache")
        _ = runner.run(try Chapter.load(path: path))
        let results = folder + "/.cache/results"
        for file in try FileManager.default.contentsOfDirectory(atPath: results) {
            try Data("{\"format\": 1, \"key\": tru".utf8).write(to: URL(fileURLWithPath: results + "/" + file))
        }
        let again = runner.run(try Chapter.load(path: path))
        #expect(!again.result.fromCache)
        #expect(again.explanation.contains("unreadable"))
        #expect(again.result.passed)
    }
}
