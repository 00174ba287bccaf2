import Foundation

/// `primer step`: a chapter as a notebook in a terminal. Prose is rendered, each cell's source
/// shown, and the program waits before each cell for the learner's key (`StepKeys`): Enter
/// runs it, `e` edits it in the learner's editor and runs it again, `p`/`g N` move around, `q`
/// quits. Output streams live while a cell runs. Without a terminal it runs straight through.
///
/// The stepper only displays, reads keys and decides what to run next: it observes the
/// runner's events and is the run's gate. A program cannot go back, so each edit, re-run or
/// move backwards is a new run of the chapter (with the learner's versions from the
/// `ScratchCopy`) that replays the cells before quietly.
///
///     let result = Stepper(runner: runner, chapter: chapter, style: .detect(), interactive: true).run()
public final class Stepper: RunObserver, CellGate {
    let runner: ChapterRunner
    let original: Chapter
    let style: TerminalStyle
    /// Primer's words, in the language the learner reads.
    let language: UILanguage
    var strings: any UIStringTable { language.strings }
    let keys: KeyInput?
    let write: (String) -> Void
    let scratch: ScratchCopy
    let editor: CellEditor
    /// Where the learner stopped and what they solved, when stepping keeps it.
    public internal(set) var progress: StepProgress?

    /// What one run of the chapter is for.
    struct Plan {
        /// Cells up to this one run without being shown or asked about (a replay).
        var quietThrough = -1
        /// A cell that runs without asking, then the prompt stays on it (`stopAfter`).
        var autoRun: Int?
        var stopAfter: Int?
        /// The exercises whose check runs.
        var checking: Set<Int> = []
    }

    /// What the learner asked for that needs a new run.
    enum Action {
        case edit(Int), rerun(Int), goTo(Int), proceed(after: Int)
    }

    // The learner's versions.
    var versions: [Int: String] = [:]
    var showingOriginal: Set<Int> = []
    // This run.
    var shown: EditedChapter
    var plan = Plan()
    var pending: Action?
    var current = 0
    var currentRan = false
    public internal(set) var quit = false
    var result: ChapterResult?
    var nextPart = 0
    var progressLineOpen = false
    var values: [Int: String] = [:]
    var expectedCompileFailures: [Int: CellFailure] = [:]

    public init(runner: ChapterRunner, chapter: Chapter, style: TerminalStyle, language: UILanguage = .en, interactive: Bool,
                progress: StepProgress? = nil, scratch: ScratchCopy? = nil, editor: CellEditor = .fromEnvironment(),
                write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.runner = runner
        self.original = chapter
        self.style = style
        self.language = language
        self.keys = interactive ? KeyInput() : nil
        self.write = write
        self.scratch = scratch ?? ScratchCopy(of: chapter)
        self.editor = editor
        // Only a learner at a terminal has a place to come back to.
        self.progress = keys == nil ? nil : progress
        shown = EditedChapter(chapter: chapter, original: chapter, edited: [], scratch: self.scratch)
    }

    var prose: TerminalProse { TerminalProse(style: style) }
    var cells: TerminalCells { TerminalCells(style: style, language: language) }
    var chapter: Chapter { shown.chapter }

    /// Steps through the chapter until its end or until the learner quits; the last run's result.
    public func run() -> ChapterResult {
        versions = scratch.learnerVersions()
        var next = startPlan()
        while true {
            plan = next
            guard prepareRun() else {
                guard let action = endPrompt(), !quit else { break }
                next = self.plan(for: action)
                continue
            }
            let outcome = runner.run(chapter, useCache: false, observer: self, gate: keys == nil ? nil : self).result
            result = outcome
            guard !quit, let action = pending ?? endPrompt() else { break }
            next = self.plan(for: action)
        }
        if !quit, progress != nil {
            progress?.finished(original.path)
            saveProgress()
        }
        return result ?? ChapterResult(path: original.path, cells: [], seconds: 0)
    }

    /// Where stepping starts: where the learner stopped last time, if they did.
    private func startPlan() -> Plan {
        guard keys != nil, let state = progress?.state(of: original.path), !state.finished, state.cell > 0,
              state.cell < original.cells.count else { return Plan() }
        write(style.dim(strings.resuming(cell: state.cell + 1)) + "\n")
        return Plan(quietThrough: previousRunningCell(before: state.cell) ?? -1)
    }

    /// Builds the chapter this run needs; false (after saying why) when the learner's version cannot be used.
    private func prepareRun() -> Bool {
        pending = nil
        values = [:]
        expectedCompileFailures = [:]
        progressLineOpen = false
        let active = versions.filter { !showingOriginal.contains($0.key) }
        do {
            shown = try scratch.chapter(with: active, exerciseRun: .learner(checking: plan.checking))
        } catch {
            write(style.red("\(error)") + "\n")
            current = plan.stopAfter ?? plan.autoRun ?? current
            currentRan = true
            return false
        }
        nextPart = plan.quietThrough < 0 ? 0 : (chapter.content.firstIndex(of: .cell(plan.quietThrough)).map { $0 + 1 } ?? 0)
        return true
    }

    /// The run a learner's action needs.
    private func plan(for action: Action) -> Plan {
        switch action {
        case .edit(let cell):
            let source = versions[cell] ?? original.cells[cell].source
            do {
                let file = try scratch.fileForEditing(cell: cell, startingWith: source)
                write(style.dim(strings.editing(cell: cell + 1, file: file, editor: editor.command)) + "\n")
                try editor.edit(file)
            } catch {
                write(style.red("\(error)") + "\n")
            }
            versions = scratch.learnerVersions()
            showingOriginal.remove(cell)
            return rerunPlan(cell)
        case .rerun(let cell):
            return rerunPlan(cell)
        case .goTo(let cell):
            return Plan(quietThrough: previousRunningCell(before: cell) ?? -1)
        case .proceed(let cell):
            return Plan(quietThrough: cell)
        }
    }

    private func rerunPlan(_ cell: Int) -> Plan {
        let isExercise = original.cells[cell].options.exercise
        return Plan(quietThrough: previousRunningCell(before: cell) ?? -1, autoRun: cell, stopAfter: cell,
                    checking: isExercise ? [cell] : [])
    }

    // MARK: Cells

    /// The cells a learner steps through: those that run and are not hidden.
    var visibleRunningCells: [Int] {
        original.cells.filter { $0.runs && !$0.options.hiddenFromLearner }.map(\.index)
    }

    func previousRunningCell(before cell: Int) -> Int? { visibleRunningCells.last { $0 < cell } }

    func isCheck(_ cell: Int) -> Bool { cell < chapter.cells.count && chapter.cells[cell].options.check }

    func isQuiet(_ cell: Int) -> Bool {
        cell <= plan.quietThrough || (cell < chapter.cells.count && chapter.cells[cell].options.solution)
    }

    func saveProgress() {
        guard let progress else { return }
        do { try progress.save() } catch { write(style.yellow(strings.cannotSaveProgress(error: "\(error)")) + "\n") }
    }
}
