import Foundation

/// One run of one chapter, from compiling to the last cell: the run loop of `ChapterRunner`.
///
/// It compiles the program, launches it in the chapter's folder, passes events to the
/// observer in cell order, asks the gate before each cell, and, when an `expect-error` cell
/// fails at run time, launches the program again without that cell, replaying the cells
/// before it quietly.
struct ChapterExecution {
    let runner: ChapterRunner
    let chapter: Chapter
    let observer: RunObserver?
    let gate: CellGate?
    /// Set when the gate said stop: the result is incomplete on purpose.
    private(set) var stoppedByGate = false
    /// Set when the gate said run the rest: later launches do not ask again.
    private var runningRest = false

    init(runner: ChapterRunner, chapter: Chapter, observer: RunObserver?, gate: CellGate?) {
        self.runner = runner; self.chapter = chapter; self.observer = observer; self.gate = gate
    }

    mutating func run() -> ChapterResult {
        var cells = chapter.cells.map { CellResult(index: $0.index, status: $0.runs && ProgramGenerator.isGenerated($0, in: chapter) ? .notRun("") : .skipped) }
        if !chapter.cells.contains(where: \.runs) { return ChapterResult(path: chapter.path, cells: cells, seconds: 0) }

        let work = runner.workRoot + "/" + UUID().uuidString
        defer {
            // PRIMER_KEEP_WORK=1 keeps the generated program and its binary, for debugging Primer.
            if ProcessInfo.processInfo.environment["PRIMER_KEEP_WORK"] != "1" { try? FileManager.default.removeItem(atPath: work) }
        }
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            return launchFailure(cells, "cannot create a work folder at \(work): \(error)")
        }
        observer?.observe(.compiling)
        let compiled: ChapterCompiler.Compiled
        do {
            switch try ChapterCompiler(toolchain: runner.toolchain, engines: runner.engines).compile(chapter, in: work) {
            case .compiled(let c): compiled = c
            case .failed(let failures, let expected):
                let firstLine = failures.values.map(\.line).min() ?? 0
                for i in cells.indices where chapter.cells[i].runs {
                    if let failure = failures[i] { cells[i].status = .failed(failure) }
                    else if let failure = expected[i] { cells[i].status = .failedAsExpected(failure) }
                    else { cells[i].status = .notRun("the chapter did not compile (error at line \(firstLine))") }
                }
                return ChapterResult(path: chapter.path, cells: cells, seconds: 0)
            }
        } catch {
            return launchFailure(cells, "cannot run swiftc: \(error)")
        }
        observer?.observe(.compiled(warnings: compiled.slowExpressions, expectedFailures: compiled.expectedFailures))
        for (i, failure) in compiled.expectedFailures { cells[i].status = .failedAsExpected(failure) }

        var skip: Set<Int> = []
        var expectedAtRuntime: [Int: CellResult] = [:]
        while true {
            let outcome: ProgramExecutor.Outcome
            do {
                outcome = try launch(compiled, skipping: skip, work: work, replayingThrough: skip.max())
            } catch {
                return launchFailure(cells, "cannot start the chapter's program: \(error)")
            }
            var interpreted = OutcomeInterpretation(chapter: chapter, compiled: compiled).interpret(outcome)
            if let failed = interpreted.expectedFailure {
                expectedAtRuntime[failed.index] = failed
                skip.insert(failed.index)
                observer?.observe(.failedAsExpected(failed))
                continue
            }
            if stoppedByGate { interpreted.markStopped() }
            for result in interpreted.cells { cells[result.index] = result }
            for (i, result) in expectedAtRuntime { cells[i] = result }
            var finished = ChapterResult(path: chapter.path, cells: cells, seconds: 0)
            finished.inlineValues = outcome.inlineValues
            finished.warnings = compiled.slowExpressions
            if outcome.pipesHeldAfterEnd {
                finished.warnings.append("\(chapter.path):1:1: warning: a process the chapter started outside its process group kept the program's output open after it ended; it was cut off")
            }
            return finished
        }
    }

    /// Launches the program once. Cells up to `replayingThrough` already ran in an earlier
    /// launch: they are let through without asking the gate, and their events are not repeated.
    private mutating func launch(_ compiled: ChapterCompiler.Compiled, skipping: Set<Int>, work: String,
                                 replayingThrough replayed: Int?) throws -> ProgramExecutor.Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["PRIMER_SKIP_CELLS"] = skipping.sorted().map(String.init).joined(separator: ",")
        environment["PRIMER_STEP"] = gate == nil ? nil : "1"
        let order = compiled.program.cellLines.map(\.index)
        var executor = ProgramExecutor(
            executable: compiled.executable, environment: environment, directory: chapter.folder,
            timeouts: Dictionary(uniqueKeysWithValues: chapter.cells.map { ($0.index, $0.options.effectiveTimeout) }),
            backtracePath: work + "/backtrace-\(skipping.count).txt")
        executor.controlPipe = gate != nil

        // Events and gating live in a box the executor's closures share.
        let pacing = Pacing(order: order, replayedThrough: replayed ?? -1, gate: gate, observer: observer,
                            runningRest: runningRest)
        executor.onLaunch = { child in pacing.launched(child) }
        executor.onEvent = { event in pacing.accept(event) }
        let outcome = try executor.run()
        pacing.finish()
        if pacing.stopped { stoppedByGate = true }
        if pacing.runningRest { runningRest = true }
        return outcome
    }

    private func launchFailure(_ cells: [CellResult], _ message: String) -> ChapterResult {
        var cells = cells
        let first = chapter.cells.first(where: \.runs)
        for i in cells.indices where chapter.cells[i].runs {
            cells[i].status = i == first?.index
                ? .failed(CellFailure(kind: .launchFailure, message: message, line: chapter.cells[i].fenceLine))
                : .notRun("the chapter could not be run")
        }
        return ChapterResult(path: chapter.path, cells: cells, seconds: 0)
    }
}

/// One launch's pacing: orders events, hides replayed cells, and asks the gate before each
/// cell the program is about to begin.
private final class Pacing {
    let order: [Int]
    let replayedThrough: Int
    let gate: CellGate?
    let observer: RunObserver?
    private var ordering = EventOrdering()
    private var child: ChildProcess?
    private(set) var runningRest: Bool
    private(set) var stopped = false

    init(order: [Int], replayedThrough: Int, gate: CellGate?, observer: RunObserver?, runningRest: Bool) {
        self.order = order; self.replayedThrough = replayedThrough; self.gate = gate; self.observer = observer
        self.runningRest = runningRest
    }

    func launched(_ child: ChildProcess) {
        self.child = child
        permitNext(after: nil)
    }

    func accept(_ event: ProgramEvent) {
        ordering.accept(event) { deliver($0) }
    }

    func finish() {
        ordering.finish { deliver($0) }
    }

    private func deliver(_ event: ProgramEvent) {
        switch event {
        case .cellBegan(let i):
            if i > replayedThrough { observer?.observe(.cellBegan(i)) }
        case .output(let i, let item):
            if i > replayedThrough { observer?.observe(.output(i, item)) }
        case .cellEnded(let i):
            if i > replayedThrough { observer?.observe(.cellEnded(i)) }
            permitNext(after: i)
        case .inlineValue(let i, let index, let text):
            if i > replayedThrough { observer?.observe(.inlineValue(index: index, text: text)) }
        }
    }

    /// The program waits before each cell it runs: tell it whether to go on.
    private func permitNext(after cell: Int?) {
        guard gate != nil, let child else { return }
        let position = cell.flatMap { c in order.firstIndex(of: c) }.map { $0 + 1 } ?? 0
        guard position < order.count else { return }
        let next = order[position]
        if next <= replayedThrough { child.sendControl(UInt8(ascii: "n")); return }
        if stopped { return }
        if runningRest { child.sendControl(UInt8(ascii: "c")); return }   // the program stops asking
        switch gate?.permit(next) ?? .runRest {
        case .run: child.sendControl(UInt8(ascii: "n"))
        case .runRest:
            runningRest = true
            child.sendControl(UInt8(ascii: "c"))
        case .stop:
            stopped = true
            child.closeControl()
        }
    }
}
