import Foundation
import Testing
@testable import PrimerKit

/// Exercises under `primer check`: the solution must pass the check and the starter code must
/// compile, each reported at its line; and the rules of their order.
@Suite(.serialized) struct NotebookExerciseCheckTests {
    static var example: String {
        try! String(contentsOfFile: TestSupport.runner.toolchain.packageRoot + "/Examples/exercises.md", encoding: .utf8)
    }

    @Test func aSolutionThatPassesItsCheckPasses() throws {
        let path = TestSupport.chapter(Self.example, name: "exercises.md")
        let (status, output) = try TestSupport.primer(["check", "exercises.md"], in: (path as NSString).deletingLastPathComponent)
        #expect(status == 0, "\(output)")
        #expect(output.contains("PASS"))
    }

    @Test func aSolutionThatFailsItsCheckFailsWithTheMessageAtTheCheck() throws {
        let wrong = Self.example.replacingOccurrences(of: "prices.reduce(0, +) / Double(prices.count)", with: "prices.reduce(0, +) / 2")
        let path = TestSupport.chapter(wrong, name: "wrong.md")
        let (status, output) = try TestSupport.primer(["check", "wrong.md"], in: (path as NSString).deletingLastPathComponent)
        #expect(status == 1)
        let line = try #require(wrong.components(separatedBy: "\n").firstIndex { $0.hasPrefix("expect(") }) + 1
        #expect(output.contains("wrong.md:\(line):1: error: runtime error: not yet: the mean price should be 3.6875, not 7.375"), "\(output)")
    }

    @Test func starterCodeThatDoesNotCompileIsAnErrorAtItsLine() throws {
        let broken = Self.example.replacingOccurrences(of: "let meanPrice = prices.reduce(0, +)\nprint", with: "let meanPrice = prices.reduce(0, +) + notDefined\nprint")
        let path = TestSupport.chapter(broken, name: "broken.md")
        let (status, output) = try TestSupport.primer(["check", "broken.md"], in: (path as NSString).deletingLastPathComponent)
        #expect(status == 1)
        let line = try #require(broken.components(separatedBy: "\n").firstIndex { $0.contains("notDefined") }) + 1
        #expect(output.contains("broken.md:\(line):39: error: compile error: cannot find 'notDefined' in scope"), "\(output)")
    }

    @Test func theSiteFoldsTheSolutionAndHidesTheCheck() throws {
        let folder = TestSupport.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/book", withIntermediateDirectories: true)
        try Data(Self.example.utf8).write(to: URL(fileURLWithPath: folder + "/book/exercises.md"))
        let (status, output) = try TestSupport.primer(["build", "book", "--out", "site"], in: folder)
        #expect(status == 0, "\(output)")
        let page = try String(contentsOfFile: folder + "/site/exercises.html", encoding: .utf8)
        #expect(page.contains("<details class=\"solution\"><summary>Show solution</summary>"))
        #expect(!page.contains("3.6875) &lt; 1e-9") && !page.contains("divide the sum by how many"), "the check is on the page")
    }

    @Test func exercisesNeedTheirSolutionAndCheckInOrder() throws {
        let missingCheck = "# E\n\n```swift exercise\nlet x = 1\n```\n\n```swift solution\nlet x = 2\n```\n"
        #expect(throws: ChapterError.self) { try Chapter.parse(Data(missingCheck.utf8), path: "e.md") }
        let lonelyCheck = "# E\n\n```swift check\nexpect(true, \"fine\")\n```\n"
        #expect(throws: ChapterError.self) { try Chapter.parse(Data(lonelyCheck.utf8), path: "e.md") }
        let chapter = try Chapter.parse(Data(Self.example.utf8), path: "exercises.md")
        #expect(chapter.exercises == [Exercise(cell: 1, solution: 2, check: 3)])
    }

    @Test func aLearnersProgramLeavesOutSolutionsAndRunsOnlyTheChecksAskedFor() throws {
        var chapter = try Chapter.parse(Data(Self.example.utf8), path: "exercises.md")
        let verifying = ProgramGenerator.generate(chapter).source
        #expect(verifying.contains("Double(prices.count)") && verifying.contains("expect("))
        chapter.exerciseRun = .learner(checking: [])
        let walking = ProgramGenerator.generate(chapter).source
        #expect(!walking.contains("Double(prices.count)") && !walking.contains("expect("))
        chapter.exerciseRun = .learner(checking: [1])
        let checking = ProgramGenerator.generate(chapter).source
        #expect(!checking.contains("Double(prices.count)") && checking.contains("expect("))
    }

    @Test func theReadmeListsTheStepKeys() throws {
        let readme = try String(contentsOfFile: TestSupport.runner.toolchain.packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains(StepKeys.markdownTable))
    }

    @Test func anEditedChapterMapsLinesBackToTheLearnersFile() throws {
        let text = "# T\n\n```swift\nlet a = 1\n```\n\n```swift\nlet b = a\n```\n"
        let chapter = try Chapter.parse(Data(text.utf8), path: "t.md")
        let scratch = ScratchCopy(of: chapter, folder: TestSupport.scratchFolder())
        let edited = try scratch.chapter(with: [0: "let a = 1\nlet c = 2\nlet d = 3\n"])
        #expect(edited.chapter.cells[1].codeLine == 10)
        #expect(edited.location(ofLine: 5).line == 2 && edited.location(ofLine: 5).path.hasSuffix("cell-1.swift"))
        #expect(edited.location(ofLine: 10).path == "t.md" && edited.location(ofLine: 10).line == 8)
    }
}

/// Which editor `e` opens, and where the learner's files live.
@Suite struct NotebookEditorTests {
    @Test func visualThenEditorThenAFallback() {
        #expect(CellEditor.fromEnvironment(["VISUAL": "code --wait", "EDITOR": "vim"]).command == "code --wait")
        #expect(CellEditor.fromEnvironment(["EDITOR": "vim", "PATH": "/nowhere"]).command == "vim")
        #expect(CellEditor.fallbacks.contains(CellEditor.fromEnvironment(["PATH": "/usr/bin:/bin"]).command))
    }

    @Test func scratchCopiesAreOutsideTheCourseAndPerChapter() throws {
        let one = try Chapter.parse(Data("# A\n".utf8), path: "/course/a.md")
        let two = try Chapter.parse(Data("# B\n".utf8), path: "/other/a.md")
        let folder = ScratchCopy(of: one).folder
        #expect(folder.hasPrefix(LearnerFolder.path + "/scratch/a-"))
        #expect(folder != ScratchCopy(of: two).folder)
    }
}
