import Foundation
import Testing
@testable import PrimerKit

/// `primer step` as a notebook, driven through tmux as a learner would: editing a cell,
/// switching back to the original, breaking it, doing an exercise, quitting and resuming.
@Suite(.serialized, .enabled(if: TmuxSession.available))
struct NotebookStepTests {
    static let numbers = """
    # Numbers

    ```swift
    let base = 10
    print("base", base)
    ```

    Now a cell to edit:

    ```swift
    let scaled = base * 3
    print("scaled", scaled)
    ```

    ```swift
    print("done", scaled + 1)
    ```

    """

    /// An `$EDITOR` that changes a number in the cell the first time, and breaks its second line the next.
    static let editor = """
    #!/bin/sh
    if grep -q 'base \\* 7' "$1"; then sed -i 's/print("scaled", scaled)/print("scaled", scaled + missingName)/' "$1"
    else sed -i 's/base \\* 3/base * 7/' "$1"; fi
    """

    @Test func editReRunsTheCellOriginalComesBackAndErrorsNameTheLearnersLine() throws {
        let folder = TestSupport.scratchFolder()
        let chapter = folder + "/numbers.md"
        try Data(Self.numbers.utf8).write(to: URL(fileURLWithPath: chapter))
        let editor = try Self.script(Self.editor, in: folder)
        let session = try TmuxSession(step: ["numbers.md"], in: folder, environment: ["EDITOR": editor])
        defer { session.end() }
        #expect(try session.waitFor("Enter: run this cell"))
        try session.press("Enter")
        #expect(try session.waitFor("base 10"))
        try session.press("e")
        #expect(try session.waitFor("scaled 70"))
        #expect(try session.screen().contains("replaying cell 1"))
        #expect(try session.screen().contains("your version · cell-2.swift"))
        try session.press("o")
        #expect(try session.waitFor("Showing the original cell 2."))
        #expect(try session.waitFor("scaled 30", after: "Showing the original cell 2."))
        try session.press("o")
        #expect(try session.waitFor("scaled 70", after: "Showing your version of cell 2."))
        try session.press("e")
        #expect(try session.waitFor("cell-2.swift:2:26: error: compile error: cannot find 'missingName' in scope"))
        #expect(try session.screen().contains("2 | print(\"scaled\", scaled + missingName)"))
        try session.press("q")
        #expect(try session.waitFor("EXIT=0"))
        #expect(try String(contentsOfFile: chapter, encoding: .utf8) == Self.numbers, "the course file changed")
        let scratch = try String(contentsOfFile: session.stateFolder + "/scratch/" + (try Self.onlyEntry(in: session.stateFolder + "/scratch")) + "/cell-2.swift", encoding: .utf8)
        #expect(scratch.contains("missingName"))
    }

    @Test func backGoToAndHelpMoveAroundTheChapter() throws {
        let folder = TestSupport.scratchFolder()
        try Data(Self.numbers.utf8).write(to: URL(fileURLWithPath: folder + "/numbers.md"))
        let session = try TmuxSession(step: ["numbers.md"], in: folder)
        defer { session.end() }
        #expect(try session.waitFor("Enter: run this cell"))
        try session.press("Enter")
        #expect(try session.waitFor("▶ cell 2"))
        try session.press("Enter")
        #expect(try session.waitFor("▶ cell 3"))
        try session.press("p")
        #expect(try session.waitFor("▶ cell 2", after: "replaying cell 1"))
        try session.press("?")
        #expect(try session.waitFor("go to cell N"))
        try session.press("g")
        try session.press("3")
        try session.press("Enter")
        #expect(try session.waitFor("▶ cell 3", after: "Running cell 2…"))
        #expect(try !session.screen().contains("scaled 30\nscaled 30"), "a quiet cell printed")
        try session.press("Enter")
        #expect(try session.waitFor("done 31"))
        #expect(try session.waitFor("EXIT=0"))
    }

    @Test func anExerciseSaysWhatIsWrongThenCorrect() throws {
        let folder = TestSupport.scratchFolder()
        let chapter = folder + "/exercises.md"
        try FileManager.default.copyItem(atPath: TestSupport.runner.toolchain.packageRoot + "/Examples/exercises.md", toPath: chapter)
        let editor = try Self.script("#!/bin/sh\nsed -i 's|^let meanPrice = prices.reduce(0, +)$|let meanPrice = prices.reduce(0, +) / Double(prices.count)|' \"$1\"\n", in: folder)
        let session = try TmuxSession(step: ["exercises.md"], in: folder, environment: ["EDITOR": editor])
        defer { session.end() }
        #expect(try session.waitFor("Enter: run this cell"))
        try session.press("Enter")
        #expect(try session.waitFor("cell 2 (exercise)"))
        #expect(try !session.screen().contains("expect(abs"), "the check is shown")
        try session.press("r")
        #expect(try session.waitFor("✗ Not yet: the mean price should be 3.6875, not 14.75: divide the sum by how many prices there are"))
        try session.press("s")
        #expect(try session.waitFor("── solution ──"))
        try session.press("e")
        #expect(try session.waitFor("✓ Correct"))
        #expect(try session.screen().contains("mean price: 3.6875"))
        try session.press("q")
        #expect(try session.waitFor("EXIT=0"))
        let data = try #require(FileManager.default.contents(atPath: try Self.progressFile(in: session.stateFolder)))
        let progress = try JSONDecoder().decode(StepProgress.self, from: data)
        #expect(progress.state(of: "exercises.md").solved == [1])
    }

    @Test func quittingInTheMiddleResumesThereAndResetForgets() throws {
        let folder = TestSupport.scratchFolder()
        try Data(Self.numbers.utf8).write(to: URL(fileURLWithPath: folder + "/numbers.md"))
        try Data("# Second\n\n```swift\nprint(\"second chapter\")\n```\n".utf8).write(to: URL(fileURLWithPath: folder + "/second.md"))
        let state = TestSupport.scratchFolder("state")
        do {
            let first = try TmuxSession(step: ["numbers.md"], in: folder, stateFolder: state)
            defer { first.end() }
            #expect(try first.waitFor("Enter: run this cell"))
            try first.press("Enter")
            #expect(try first.waitFor("base 10"))
            try first.press("Enter")
            #expect(try first.waitFor("scaled 30"))
            try first.press("q")
            #expect(try first.waitFor("EXIT=0"))
            #expect(try first.screen().contains("You were at cell 3"))
        }
        do {
            // The book (the folder) knows where the learner is, and resumes that chapter.
            let again = try TmuxSession(step: [], in: folder, stateFolder: state)
            defer { again.end() }
            #expect(try again.waitFor("Enter: numbers"))
            #expect(try again.screen().contains("stopped at cell 3"))
            try again.press("Enter")
            #expect(try again.waitFor("Resuming at cell 3"))
            #expect(try again.waitFor("replaying cells 1–2"))
            #expect(try again.waitFor("print(\"done\", scaled + 1)"))
            #expect(try !again.screen().contains("scaled 30"), "replayed cells are quiet")
            try again.press("Enter")
            #expect(try again.waitFor("done 31"))
            #expect(try again.waitFor("Enter: second"))
            try again.press("q")
            #expect(try again.waitFor("EXIT=0"))
        }
        do {
            let reset = try TmuxSession(step: ["numbers.md", "--reset"], in: folder, stateFolder: state)
            defer { reset.end() }
            #expect(try reset.waitFor("Forgot your progress"))
            #expect(try reset.waitFor("Enter: run this cell"))
            #expect(try !reset.screen().contains("Resuming"))
            try reset.press("q")
            #expect(try reset.waitFor("EXIT=0"))
        }
    }

    static func script(_ text: String, in folder: String) throws -> String {
        let path = folder + "/editor.sh"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    static func onlyEntry(in folder: String) throws -> String {
        try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
    }

    static func progressFile(in state: String) throws -> String {
        state + "/progress/" + (try onlyEntry(in: state + "/progress"))
    }
}
