/// Every word Primer itself writes in the terminal and on the site, by key: one place for the
/// keys, a table per language (`UIStrings+en.swift`, `UIStrings+zhHans.swift`). Words without
/// values are `UIText` cases; words with values are `UIStringTable` functions whose labels name
/// the values, so a translation may put them wherever its grammar wants.
///
///     let s = UILanguage.zhHans.strings
///     s.text(.onThisPage)              // "本页目录"
///     s.errorCount(3)                  // "3 个错误"
///
/// Machine-read output never comes from here: JUnit XML, GitHub `::error` lines, the
/// `file:line:col: error:` prefix editors parse, cache keys and option names stay English.
public enum UIText: String, Sendable, CaseIterable {
    // The site's page chrome (SiteBuilder, HTMLCells) and primer.js.
    case searchPlaceholder, contentsLabel, chaptersLabel, onThisPage
    case tableChapter, tableStatus, tableTime
    case chapterUnreadable, atLocation, cachedNote
    case copy, copied, selectAndCopy, showAsChart, showAsText, noMatches
    case showSolution, showTheCode, linkToSection
    case languageLabel, editionsHeading
    // A cell's or chapter's state, on pages and in reports.
    case passed, failed, failedAsExpected, notRun, notRunNorun
    case fromCache, ran
    // `primer check`'s verdicts and messages.
    case pass, fail, noChaptersToCheck
    // `primer step`.
    case firstCell, goToCellPrompt, outputRule, checkingRule, solutionRule, restartingWithoutCell
    case exerciseSolved, notYet, notYetHint, checkCouldNotUse, checkCouldNotUseHint, editAgainHint
    case yourVersion, chapterDone
    // `primer serve`'s live overlay (live.js).
    case rebuilding, compilingChapter, bookError
}

/// A language's table: `text` for the plain words, a function for each word with values.
/// A table that misses a key does not compile.
public protocol UIStringTable: Sendable {
    /// The word for `key`.
    func text(_ key: UIText) -> String

    /// `✗ 3 errors` on a chapter's status (the mark is added by the caller).
    func errorCount(_ count: Int) -> String
    /// `(3 cells)` after a chapter's report line.
    func cellCount(_ count: Int) -> String
    /// A cell's name in its terminal header: `cell 3`.
    func cellLabel(_ cell: Int) -> String
    /// The label of a cell's output region: `Output of cell 3`.
    func outputOfCell(_ cell: Int) -> String
    /// `Not run: the cell before it failed.`
    func notRunBecause(reason: String) -> String
    /// A failed cell's heading on its page: `Error (runtime)`; `kind` stays as Primer names it.
    func errorHeading(kind: String) -> String
    /// An `expect-error` cell's heading: `Failed as expected (runtime)`.
    func expectedErrorHeading(kind: String) -> String
    /// A Mermaid diagram that could not be drawn (its source is shown instead).
    func diagramNotDrawn(error: String) -> String
    /// The check's last line: `chapters: 4 passed, 1 failed`.
    func checkTotals(passed: Int, failed: Int) -> String

    /// `Blessed 3 output blocks.`
    func blessedCount(_ count: Int) -> String
    /// `primer build`'s pointer to the site: `The course is at _site/index.html`.
    func courseIsAt(_ index: String) -> String
    /// `primer init`'s line for each file it wrote.
    func wroteFile(_ path: String) -> String
    /// `primer init`'s closing lines: what to run next on the new book in `folder`.
    func initNextSteps(folder: String) -> [String]

    // `primer step`'s messages.
    /// `Compiling Chapters/a.md…`
    func compiling(path: String) -> String
    /// `Compiling · replaying cells 1–3…` (`first == last` for one cell).
    func compilingReplaying(first: Int, last: Int) -> String
    /// Said when the learner quits.
    func stopped(cell: Int, path: String) -> String
    func resuming(cell: Int) -> String
    func editing(cell: Int, file: String, editor: String) -> String
    func cellFailedBlocksRest(cell: Int) -> String
    func cellNotEdited(cell: Int) -> String
    func showingOriginal(cell: Int) -> String
    func showingYours(cell: Int) -> String
    /// `given` is what the learner typed, nil when it was not a number.
    func noCellAt(_ given: Int?, count: Int) -> String
    /// `Running cell 4…` or `Running cells 2–4…`.
    func runningCells(first: Int, last: Int) -> String
    func notAnExercise(cell: Int) -> String
    func cannotSaveProgress(error: String) -> String
    /// `primer step --reset`'s report; `place` is the book folder or the chapters.
    func forgotProgress(in place: String) -> String
    /// The meaning of one of `primer step`'s keys, for its `?` help.
    func keyMeaning(_ key: StepKeyMeaning) -> String
    // `primer step` on a book.
    func bookPrompt(next: String) -> String
    func reachedEnd(book: String) -> String
    func stoppedAtCell(_ cell: Int) -> String
    func exercisesSolved(_ solved: Int, of total: Int) -> String
    func chapterRange(count: Int) -> String

    // `primer serve`'s live overlay; `cell` and `text` may be `{cell}`/`{text}` placeholders
    // that live.js fills in.
    func liveRunningCell(cell: String) -> String
    func liveRunningCellProgress(cell: String, text: String) -> String

    // `primer step`'s prompt line, in pieces joined by ` · `.
    /// `▶ cell 3` or `▶ cell 3 (exercise)`.
    func promptCell(_ cell: Int, exercise: Bool) -> String
    /// One `key: action` piece of the prompt, e.g. `Enter: run this cell`.
    func promptAction(_ action: StepPromptAction) -> String
}

/// What each of `primer step`'s keys does (`StepKeys.all`).
public enum StepKeyMeaning: String, Sendable, CaseIterable {
    case enter, rest, edit, rerun, original, back, goTo, solution, keys, quit
}

/// The actions named on `primer step`'s prompt line.
public enum StepPromptAction: String, Sendable, CaseIterable {
    case editAnswer, runStarter, checkAnswer, runCell, next, edit, rerun
    case solution, originalOrYours, rest, back, goTo, keys, quit
}
