/// Primer's words in English, the default.
///
///     EnglishStrings().text(.onThisPage)   // "On this page"
struct EnglishStrings: UIStringTable {
    func text(_ key: UIText) -> String {
        switch key {
        case .searchPlaceholder: "Search the course"
        case .contentsLabel: "Contents"
        case .chaptersLabel: "Chapters"
        case .onThisPage: "On this page"
        case .tableChapter: "Chapter"
        case .tableStatus: "Status"
        case .tableTime: "Time"
        case .chapterUnreadable: "This chapter could not be read"
        case .atLocation: "at"
        case .cachedNote: " (cached)"
        case .copy: "Copy"
        case .copied: "Copied"
        case .selectAndCopy: "Select and copy"
        case .showAsChart: "Show as chart"
        case .showAsText: "Show as text"
        case .noMatches: "No matches."
        case .showSolution: "Show solution"
        case .showTheCode: "Show the code"
        case .linkToSection: "Link to this section"
        case .languageLabel: "Language"
        case .editionsHeading: "Editions"
        case .passed: "passed"
        case .failed: "failed"
        case .failedAsExpected: "failed as expected"
        case .notRun: "not run"
        case .notRunNorun: "not run (norun)"
        case .fromCache: "cached"
        case .ran: "ran"
        case .pass: "PASS"
        case .fail: "FAIL"
        case .noChaptersToCheck: "No chapters to check."
        case .outputRule: "── output ──"
        case .checkingRule: "── checking your answer ──"
        case .solutionRule: "── solution ──"
        case .restartingWithoutCell: "(restarting the chapter's program without that cell; earlier cells run again quietly)"
        case .exerciseSolved: "✓ Correct — exercise solved."
        case .notYet: "✗ Not yet: "
        case .notYetHint: "(e: edit your answer · s: see the solution)"
        case .checkCouldNotUse: "✗ The check could not use your code: "
        case .checkCouldNotUseHint: "(did you rename something the exercise asked for? e edits your answer, o restores the original)"
        case .editAgainHint: "(e: edit it again · o: back to the original)"
        case .yourVersion: "your version"
        case .chapterDone: "✓ done"
        case .rebuilding: "Rebuilding…"
        case .compilingChapter: "Compiling the chapter…"
        case .bookError: "book error"
        case .firstCell: "This is the first cell."
        case .goToCellPrompt: "go to cell: "
        }
    }

    func errorCount(_ count: Int) -> String { "\(count) error\(count == 1 ? "" : "s")" }
    func cellCount(_ count: Int) -> String { "(\(count) cell\(count == 1 ? "" : "s"))" }
    func cellLabel(_ cell: Int) -> String { "cell \(cell)" }
    func outputOfCell(_ cell: Int) -> String { "Output of cell \(cell)" }
    func notRunBecause(reason: String) -> String { "Not run: \(reason)." }
    func errorHeading(kind: String) -> String { "Error (\(kind))" }
    func expectedErrorHeading(kind: String) -> String { "Failed as expected (\(kind))" }
    func diagramNotDrawn(error: String) -> String { "This diagram could not be drawn: \(error)" }
    func checkTotals(passed: Int, failed: Int) -> String { "chapters: \(passed) passed, \(failed) failed" }

    func courseIsAt(_ index: String) -> String { "The course is at \(index)" }
    func wroteFile(_ path: String) -> String { "wrote \(path)" }
    func initNextSteps(folder: String) -> [String] {
        ["Next: primer serve \(folder)   (a live preview while you write)",
         "      primer check \(folder)   (what CI runs)"]
    }
    func blessedCount(_ count: Int) -> String { "Blessed \(count) output block\(count == 1 ? "" : "s")." }

    func compiling(path: String) -> String { "Compiling \(path)…" }
    func compilingReplaying(first: Int, last: Int) -> String {
        "Compiling · replaying " + (first == last ? "cell \(first)" : "cells \(first)–\(last)") + "…"
    }
    func stopped(cell: Int, path: String) -> String { "Stopped. You were at cell \(cell); `primer step \(path)` goes on from there." }
    func resuming(cell: Int) -> String { "Resuming at cell \(cell), where you stopped (`primer step --reset` starts afresh)." }
    func editing(cell: Int, file: String, editor: String) -> String { "Editing cell \(cell) in \(file) (\(editor))…" }
    func cellFailedBlocksRest(cell: Int) -> String { "Cell \(cell) failed, so the cells after it cannot run: e edits it, o goes back to the original." }
    func cellNotEdited(cell: Int) -> String { "Cell \(cell) is the original: you have not edited it (e edits it)." }
    func showingOriginal(cell: Int) -> String { "Showing the original cell \(cell)." }
    func showingYours(cell: Int) -> String { "Showing your version of cell \(cell)." }
    func noCellAt(_ given: Int?, count: Int) -> String {
        "There is no cell to run at \(given.map(String.init) ?? "that number"); cells are numbered 1–\(count)."
    }
    func runningCells(first: Int, last: Int) -> String { first == last ? "Running cell \(last)…" : "Running cells \(first)–\(last)…" }
    func notAnExercise(cell: Int) -> String { "Cell \(cell) is not an exercise." }
    func cannotSaveProgress(error: String) -> String { "⚠ cannot save where you are: \(error)" }
    func forgotProgress(in place: String) -> String { "Forgot your progress and your versions of cells in \(place)." }
    func keyMeaning(_ key: StepKeyMeaning) -> String {
        switch key {
        case .enter: "run the cell shown; after it ran, show the next one"
        case .rest: "run the rest of the chapter without pausing"
        case .edit: "edit the cell in your editor (`$VISUAL`, `$EDITOR`, else `nano`, else `vi`); on save the chapter is compiled again with your version and run up to that cell, replaying the cells before it quietly"
        case .rerun: "run the cell again (an exercise: run it and its check)"
        case .original: "switch the cell between your version and the original, and run it again"
        case .back: "back to the previous cell (the cells before it run again quietly)"
        case .goTo: "go to cell N, running the cells before it that are needed"
        case .solution: "show the solution of an exercise"
        case .keys: "list these keys"
        case .quit: "quit; Primer remembers where you were"
        }
    }
    func bookPrompt(next: String) -> String { "▶ Enter: \(next) · a chapter's number, then Enter · q: quit " }
    func reachedEnd(book: String) -> String { "You reached the end of \(book)." }
    func stoppedAtCell(_ cell: Int) -> String { "stopped at cell \(cell)" }
    func exercisesSolved(_ solved: Int, of total: Int) -> String { "exercises \(solved)/\(total)" }
    func chapterRange(count: Int) -> String { "There are chapters 1–\(count)." }

    func liveRunningCell(cell: String) -> String { "Running cell \(cell)…" }
    func liveRunningCellProgress(cell: String, text: String) -> String { "Running cell \(cell): \(text)" }

    func promptCell(_ cell: Int, exercise: Bool) -> String { "▶ cell \(cell)" + (exercise ? " (exercise)" : "") }
    func promptAction(_ action: StepPromptAction) -> String {
        switch action {
        case .editAnswer: "e: edit your answer"
        case .runStarter: "Enter: run the starter"
        case .checkAnswer: "r: check it"
        case .runCell: "Enter: run this cell"
        case .next: "Enter: next"
        case .edit: "e: edit"
        case .rerun: "r: rerun"
        case .solution: "s: solution"
        case .originalOrYours: "o: original/yours"
        case .rest: "c: rest"
        case .back: "p: back"
        case .goTo: "g N: go"
        case .keys: "?: keys"
        case .quit: "q: quit"
        }
    }
}
