import Foundation

/// Turns what one launch of a chapter's program did into cell results: which cells passed,
/// which trapped (and where in the chapter), which timed out, which never ran and why.
struct OutcomeInterpretation {
    let chapter: Chapter
    let compiled: ChapterCompiler.Compiled

    struct Interpreted {
        var cells: [CellResult]
        /// Set when an expect-error cell failed: the program is run again without it.
        var expectedFailure: CellResult?

        /// The gate stopped the run: the cells that did not run were not reached on purpose.
        mutating func markStopped() {
            for i in cells.indices {
                if case .notRun = cells[i].status { cells[i].status = .notRun("stopped before this cell") }
            }
        }
    }

    func interpret(_ outcome: ProgramExecutor.Outcome) -> Interpreted {
        var results: [CellResult] = []
        var stoppedAt: (cell: Int, line: Int)?
        for cell in chapter.cells where cell.runs && compiled.expectedFailures[cell.index] == nil {
            let outputs = RuntimeFailure.cleaned(outcome.outputs[cell.index] ?? [])
            let seconds = outcome.seconds[cell.index] ?? 0
            var result = CellResult(index: cell.index, status: .passed, outputs: outputs, seconds: seconds)
            if let stop = stoppedAt {
                result.status = .notRun("an earlier cell failed (line \(stop.line))")
            } else if outcome.ended.contains(cell.index) {
                if cell.options.expectError {  // (a skipped re-run's result is replaced by the recorded failure)
                    result.status = .failed(CellFailure(kind: .unexpectedSuccess,
                        message: "this cell is marked `expect-error` but ran to its end without an error; remove the option or fix the cell",
                        line: cell.fenceLine))
                }
            } else if let exceeded = OutcomeInterpretation.exceededLimit(of: cell, in: chapter, outcome: outcome) {
                let failure = CellFailure(kind: .resourceLimit, message: exceeded.message, line: cell.fenceLine)
                if cell.options.expectError {
                    result.status = .failedAsExpected(failure)
                    return Interpreted(cells: [], expectedFailure: result)
                }
                result.status = .failed(failure)
                stoppedAt = (cell.index, cell.fenceLine)
            } else if outcome.timedOutCell == cell.index {
                result.status = .failed(CellFailure(kind: .timeout,
                    message: "the cell ran longer than its timeout of \(CellOptions.seconds(cell.options.effectiveTimeout)) s and was stopped, with everything it started; make it faster or raise the limit with `timeout=SECONDS` in its info string",
                    line: cell.fenceLine))
                stoppedAt = (cell.index, cell.fenceLine)
            } else if outcome.began.contains(cell.index) {
                let message = RuntimeFailure.message(fromStderr: outputs.errorText, termination: outcome.termination)
                let frames = RuntimeFailure.chapterFrames(in: outcome.backtrace, chapterPath: chapter.path)
                let place = frames.first ?? (cell.codeLine, 1)
                let calls = frames.dropFirst().map { "called from \(chapter.path):\($0.line):\($0.column)" }
                let failure = CellFailure(kind: .runtimeError, message: message, line: place.line, column: place.column, details: calls)
                if cell.options.expectError {
                    result.status = .failedAsExpected(failure)
                    return Interpreted(cells: [], expectedFailure: result)
                }
                result.status = .failed(failure)
                stoppedAt = (cell.index, place.line)
            } else {
                result.status = .notRun(outcome.termination.succeeded
                    ? "the program ended before this cell (did an earlier cell call exit()?)"
                    : "the program stopped before this cell")
            }
            results.append(result)
        }
        return Interpreted(cells: results, expectedFailure: nil)
    }
}

extension OutcomeInterpretation {
    /// The limit `cell` went over: seen by the executor's watch, or, when the kernel's backstop
    /// stopped the program first (`Chapter.programBackstop`), read from how it ended — SIGXCPU
    /// for CPU time; for memory, a failed allocation (the backstop refuses it at once), or
    /// SIGKILL after the cell had used at least half of its limit.
    static func exceededLimit(of cell: Cell, in chapter: Chapter, outcome: ProgramExecutor.Outcome) -> ExceededLimit? {
        if let exceeded = outcome.exceeded, exceeded.cell == cell.index { return exceeded.limit }
        guard outcome.began.contains(cell.index), !outcome.ended.contains(cell.index), outcome.timedOutCell == nil,
              outcome.exceeded == nil else { return nil }
        let limits = chapter.limits(of: cell)
        if case .signaled(SIGXCPU) = outcome.termination, let seconds = limits.cpuSeconds { return .cpu(seconds: seconds) }
        guard let bytes = limits.memoryBytes else { return nil }
        let stderr = RuntimeFailure.cleaned(outcome.outputs[cell.index] ?? []).errorText.lowercased()
        if stderr.contains("failed to allocate") || stderr.contains("could not allocate") || stderr.contains("out of memory") {
            return .memory(bytes: bytes)
        }
        if outcome.termination == .signaled(SIGKILL), (outcome.peakResident[cell.index] ?? 0) >= bytes / 2 {
            return .memory(bytes: bytes)
        }
        return nil
    }
}
