import Foundation

/// `primer step`: a chapter for a learner in a terminal. Prose is rendered, each cell's source
/// shown, and the program waits before each cell until the learner presses Enter (`c` runs
/// the rest without pausing, `q` quits). Output streams live while a cell runs: a training
/// loop's progress bar updates in place. Without a terminal it runs straight through.
///
/// The stepper only displays and reads keys: it observes the runner's events and is the
/// run's gate.
///
///     let result = Stepper(runner: runner, chapter: chapter, style: .detect(), interactive: true).run()
public final class Stepper: RunObserver, CellGate {
    let runner: ChapterRunner
    let chapter: Chapter
    let style: TerminalStyle
    let keys: KeyInput?
    let write: (String) -> Void

    /// The next piece of `chapter.content` to show.
    private var nextPart = 0
    private var progressLineOpen = false
    private var quit = false
    private var result: ChapterResult?
    /// The inline values computed so far, for the prose still to show.
    private var values: [Int: String] = [:]
    /// The expect-error cells that did not compile, as they should.
    private var expectedCompileFailures: [Int: CellFailure] = [:]

    public init(runner: ChapterRunner, chapter: Chapter, style: TerminalStyle, interactive: Bool,
                write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.runner = runner
        self.chapter = chapter
        self.style = style
        self.keys = interactive ? KeyInput() : nil
        self.write = write
    }

    private var prose: TerminalProse { TerminalProse(style: style) }
    private var cells: TerminalCells { TerminalCells(style: style) }

    public func run() -> ChapterResult {
        runner.run(chapter, useCache: false, observer: self, gate: keys == nil ? nil : self).result
    }

    // MARK: Observing the run

    public func observe(_ event: RunEvent) {
        switch event {
        case .compiling:
            write(style.dim("Compiling \(chapter.path)…") + "\n")
        case .compiled(let warnings, let expectedFailures):
            expectedCompileFailures = expectedFailures
            for warning in warnings { write(style.yellow(warning) + "\n") }
        case .cellBegan(let i):
            showContent(through: i)
            write(style.dim("── output ──") + "\n")
        case .output(_, let item):
            show(item)
        case .cellEnded:
            closeProgressLine()
            write("\n")
        case .inlineValue(let index, let text):
            values[index] = text
        case .failedAsExpected(let cell):
            closeProgressLine()
            if case .failedAsExpected(let f) = cell.status { write(cells.failure(f, chapterPath: chapter.path, expected: true) + "\n\n") }
            write(style.dim("(restarting the chapter's program without that cell; earlier cells run again quietly)") + "\n")
        case .finished(let result, _):
            closeProgressLine()
            finish(result)
        }
    }

    private func finish(_ result: ChapterResult) {
        self.result = result
        let compileFailed = result.cells.contains { if case .failed(let f) = $0.status { return f.kind == .compileError } else { return false } }
        if compileFailed { showRemaining() }
        for cell in result.cells {
            if case .failed(let f) = cell.status { write(cells.failure(f, chapterPath: chapter.path) + "\n") }
        }
        if quit {
            write(style.dim("Stopped. Run `primer step \(chapter.path)` to start again.") + "\n")
        } else if !compileFailed {
            showRemaining()
        }
    }

    // MARK: Pacing the run

    public func permit(_ cell: Int) -> CellPermission {
        showContent(through: cell)
        let prompt = style.dim("▶ Enter: run this cell · c: run the rest · q: quit ")
        write(prompt)
        while true {
            let key = keys?.readKey()
            write("\r\u{1B}[2K")
            switch key {
            case "\n"?, " "?: return .run
            case "c"?, "C"?: return .runRest
            case "q"?, "Q"?, nil:
                quit = true
                return .stop
            default: write(prompt)
            }
        }
    }

    // MARK: Display

    private func show(_ item: CellOutput) {
        if case .rich(.progress(let progress)) = item {
            let line = progress.line(width: style.width - 1)
            if style.color {
                write("\r\u{1B}[2K" + cells.safe(line))   // the one line Primer redraws in place
                progressLineOpen = true
            } else if progress.completed >= progress.total {
                write(cells.safe(line) + "\n")
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
        if case .stdout(let raw) = item { write(cells.safe(raw)); return }
        write(cells.output(item) + "\n")
    }

    private func closeProgressLine() {
        if progressLineOpen { write("\n"); progressLineOpen = false }
    }

    /// Shows prose and cells up to and including cell `index`'s source (once).
    private func showContent(through index: Int) {
        let content = chapter.resolvingInlineValues(values).content
        while nextPart < content.count {
            let part = content[nextPart]
            if case .cell(let i) = part, i > index { return }
            nextPart += 1
            switch part {
            case .prose(let block):
                write(prose.render(block) + "\n")
            case .cell(let i):
                let cell = chapter.cells[i]
                write(cells.source(cell, chapterPath: chapter.path) + "\n")
                if i == index { return }
                if let f = expectedCompileFailures[i] { write(cells.failure(f, chapterPath: chapter.path, expected: true) + "\n") }
                write("\n")
            }
        }
    }

    /// After the program ended: the rest of the chapter, without running anything.
    private func showRemaining() {
        let content = chapter.resolvingInlineValues(result?.inlineValues ?? values).content
        while nextPart < content.count {
            let part = content[nextPart]
            nextPart += 1
            switch part {
            case .prose(let block): write(prose.render(block) + "\n")
            case .cell(let i):
                write(cells.source(chapter.cells[i], chapterPath: chapter.path) + "\n")
                if let result, case .failedAsExpected(let f)? = result.cells.first(where: { $0.index == i })?.status,
                   f.kind == .compileError {
                    write(cells.failure(f, chapterPath: chapter.path, expected: true) + "\n")
                }
                write("\n")
            }
        }
    }
}
