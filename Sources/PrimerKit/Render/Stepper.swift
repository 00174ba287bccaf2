import Foundation
import PrimerWire

/// `primer step`: a chapter for a learner in a terminal. Prose is rendered, each cell's source
/// shown, and the program waits before each cell until the learner presses Enter (`c` runs
/// the rest without pausing, `q` quits). Output streams live while a cell runs: a training
/// loop's progress bar updates in place. Without a terminal it runs straight through.
///
///     let result = Stepper(runner: runner, chapter: chapter, style: .detect()).run()
public final class Stepper {
    let runner: ChapterRunner
    let chapter: Chapter
    let style: TerminalStyle
    let keys: KeyInput?
    let write: (String) -> Void

    /// The next piece of `chapter.content` to show.
    private var nextPart = 0
    /// Cells up to this index are being replayed silently (after an expected failure).
    private var replayThrough = -1
    private var runAll = false
    private var quit = false
    private var progressLineOpen = false
    private var child: ChildProcess?
    /// The cell whose source was shown last: the one running or about to run.
    private var shownCell = -1
    /// Events of later cells that arrived before the shown cell's end (the program does not
    /// wait between cells when running straight through); replayed in order.
    private var heldEvents: [ChapterRunner.LiveEvent] = []

    public init(runner: ChapterRunner, chapter: Chapter, style: TerminalStyle, interactive: Bool,
                write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.runner = runner
        self.chapter = chapter
        self.style = style
        self.keys = interactive ? KeyInput() : nil
        self.write = write
        if keys == nil { runAll = true }
    }

    private var prose: TerminalProse { TerminalProse(style: style) }
    private var cells: TerminalCells { TerminalCells(style: style) }

    public func run() -> ChapterResult {
        let work = runner.workRoot + "/" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: work) }
        var results = chapter.cells.map { CellResult(index: $0.index, status: $0.runs ? .notRun("") : .skipped) }
        do { try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true) } catch {
            return runner.launchFailure(chapter, results, "cannot create a work folder: \(error)")
        }
        write(style.dim("Compiling \(chapter.path)…") + "\n")
        let compiled: ChapterCompiler.Compiled
        do {
            switch try ChapterCompiler(toolchain: runner.toolchain, engines: runner.engines).compile(chapter, in: work) {
            case .compiled(let c): compiled = c
            case .failed(let failures, _):
                showRemaining()
                for (_, failure) in failures.sorted(by: { $0.key < $1.key }) {
                    write(cells.failure(failure, chapterPath: chapter.path) + "\n")
                }
                for (i, f) in failures { results[i].status = .failed(f) }
                return ChapterResult(path: chapter.path, cells: results, seconds: 0)
            }
        } catch {
            return runner.launchFailure(chapter, results, "cannot run swiftc: \(error)")
        }
        for (i, failure) in compiled.expectedFailures { results[i].status = .failedAsExpected(failure) }

        var skip: Set<Int> = []
        while true {
            let outcome: ProgramExecutor.Outcome
            do {
                outcome = try runner.execute(compiled.executable, chapter: chapter, skipping: skip, work: work,
                                             onEvent: { [unowned self] in self.handle($0, compiled: compiled) },
                                             onLaunch: { [unowned self] child in
                                                 self.child = child
                                                 self.showUpToNextCell(compiled: compiled)
                                             })
            } catch {
                return runner.launchFailure(chapter, results, "cannot start the chapter's program: \(error)")
            }
            closeProgressLine()
            let interpreted = runner.interpret(outcome, chapter: chapter, compiled: compiled)
            if let failed = interpreted.expectedFailure {
                results[failed.index] = failed
                if case .failedAsExpected(let f) = failed.status { write(cells.failure(f, chapterPath: chapter.path, expected: true) + "\n\n") }
                skip.insert(failed.index)
                replayThrough = failed.index
                if !quit { write(style.dim("(restarting the chapter's program without that cell; earlier cells run again quietly)") + "\n") }
                if quit { break }
                continue
            }
            for r in interpreted.cells where results[r.index].status != .skipped && skip.contains(r.index) == false { results[r.index] = r }
            for r in interpreted.cells {
                if case .failed(let f) = r.status { write(cells.failure(f, chapterPath: chapter.path) + "\n") }
            }
            if quit {
                write(style.dim("Stopped. Run `primer step \(chapter.path)` to start again.") + "\n")
            } else {
                showRemaining()
            }
            break
        }
        return ChapterResult(path: chapter.path, cells: results, seconds: 0)
    }

    private func handle(_ event: ChapterRunner.LiveEvent, compiled: ChapterCompiler.Compiled) {
        let cell: Int?
        switch event {
        case .cellBegan(let i), .output(let i, _), .cellEnded(let i): cell = i
        case .compiling: cell = nil
        }
        if let cell, cell > shownCell, replayThrough < 0 || cell > replayThrough {
            heldEvents.append(event)
            return
        }
        display(event, compiled: compiled)
        if case .cellEnded = event {
            // The next cell's source is on screen now: its early events can be shown.
            let ready = heldEvents.filter { held in
                switch held {
                case .cellBegan(let i), .output(let i, _), .cellEnded(let i): return i <= shownCell
                case .compiling: return true
                }
            }
            heldEvents.removeFirst(ready.count)
            for held in ready { handle(held, compiled: compiled) }
        }
    }

    private func display(_ event: ChapterRunner.LiveEvent, compiled: ChapterCompiler.Compiled) {
        switch event {
        case .compiling: break
        case .cellBegan(let i):
            if i <= replayThrough { return }
            write(style.dim("── output ──") + "\n")
        case .output(let i, let item):
            if i <= replayThrough { return }
            show(item)
        case .cellEnded(let i):
            closeProgressLine()
            if i < replayThrough { child?.sendControl(UInt8(ascii: "n")); return }
            if i == replayThrough { replayThrough = -1; showUpToNextCell(compiled: compiled); return }
            write("\n")
            showUpToNextCell(compiled: compiled)
        }
    }

    private func show(_ item: CellOutput) {
        if case .rich(RichKind.progress, let payload) = item,
           let progress = try? JSONDecoder().decode(ProgressPayload.self, from: payload) {
            let line = progress.line(width: style.width - 1)
            if style.color {
                write("\r\u{1B}[2K" + line)
                progressLineOpen = true
            } else if progress.completed >= progress.total {
                write(line + "\n")
            }
            return
        }
        closeProgressLine()
        var item = item
        if case .stderr = item {
            guard let cleaned = RuntimeFailure.cleaned([item]).first else { return }
            item = cleaned
        }
        // Printed text streams as it arrived (chunks need not end a line); the rest is one block.
        if case .stdout(let raw) = item { write(raw); return }
        write(cells.output(item) + "\n")
    }

    private func closeProgressLine() {
        if progressLineOpen { write("\n"); progressLineOpen = false }
    }

    /// Shows prose and non-running cells up to the next cell that runs, its source, and waits
    /// for the learner; then lets the program go on.
    private func showUpToNextCell(compiled: ChapterCompiler.Compiled) {
        if replayThrough >= 0 {
            // Replaying: let every cell through without showing anything.
            child?.sendControl(UInt8(ascii: "n"))
            return
        }
        while nextPart < chapter.content.count {
            let part = chapter.content[nextPart]
            nextPart += 1
            switch part {
            case .prose(let block):
                write(prose.render(block) + "\n")
            case .cell(let i):
                let cell = chapter.cells[i]
                write(cells.source(cell, chapterPath: chapter.path) + "\n")
                guard cell.runs, compiled.expectedFailures[i] == nil else {
                    if let f = compiled.expectedFailures[i] { write(cells.failure(f, chapterPath: chapter.path, expected: true) + "\n") }
                    write("\n")
                    continue
                }
                shownCell = i
                waitForLearner()
                return
            }
        }
    }

    private func waitForLearner() {
        if quit { child?.closeControl(); return }
        if runAll { child?.sendControl(UInt8(ascii: "c")); return }
        write(style.dim("▶ Enter: run this cell · c: run the rest · q: quit "))
        while true {
            let key = keys?.readKey()
            write("\r\u{1B}[2K")
            switch key {
            case "\n"?, " "?:
                child?.sendControl(UInt8(ascii: "n")); return
            case "c"?, "C"?:
                runAll = true
                child?.sendControl(UInt8(ascii: "c")); return
            case "q"?, "Q"?, nil:
                quit = true
                child?.closeControl(); return
            default:
                write(style.dim("▶ Enter: run this cell · c: run the rest · q: quit "))
            }
        }
    }

    /// After the program ended: the rest of the chapter, without running anything.
    private func showRemaining() {
        while nextPart < chapter.content.count {
            let part = chapter.content[nextPart]
            nextPart += 1
            switch part {
            case .prose(let block): write(prose.render(block) + "\n")
            case .cell(let i): write(cells.source(chapter.cells[i], chapterPath: chapter.path) + "\n\n")
            }
        }
    }
}
