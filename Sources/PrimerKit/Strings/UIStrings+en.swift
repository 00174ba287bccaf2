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
        case .passed: "passed"
        case .failed: "failed"
        case .failedAsExpected: "failed as expected"
        case .notRun: "not run"
        case .notRunNorun: "not run (norun)"
        case .fromCache: "cached"
        case .ran: "ran"
        case .firstCell: "This is the first cell."
        case .goToCellPrompt: "go to cell: "
        }
    }

    func errorCount(_ count: Int) -> String { "\(count) error\(count == 1 ? "" : "s")" }
    func cellCount(_ count: Int) -> String { "(\(count) cell\(count == 1 ? "" : "s"))" }
    func outputOfCell(_ cell: Int) -> String { "Output of cell \(cell)" }
    func notRunBecause(reason: String) -> String { "Not run: \(reason)." }
    func errorHeading(kind: String) -> String { "Error (\(kind))" }
    func expectedErrorHeading(kind: String) -> String { "Failed as expected (\(kind))" }
    func checkTotals(passed: Int, failed: Int) -> String { "chapters: \(passed) passed, \(failed) failed" }

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
