/// What a chapter run reports while it goes. Every command observes the same run: `check`
/// and `build` only wait for `.finished`; `step` and `serve` show the rest as it happens.
///
/// Events of one cell arrive in order (`cellBegan`, its outputs, `cellEnded`), and cells in
/// program order: a cell's events never interleave with another's.
///
///     final class Printer: RunObserver {
///         func observe(_ event: RunEvent) {
///             if case .output(_, .stdout(let text)) = event { print(text, terminator: "") }
///         }
///     }
///     runner.run(chapter, observer: Printer())
public enum RunEvent: Sendable {
    /// The chapter's program is being compiled.
    case compiling
    /// It compiled; `warnings` are `path:line:col: warning: …` lines for the author;
    /// `expectedFailures` are the `expect-error` cells that did not compile, as they should.
    case compiled(warnings: [String], expectedFailures: [Int: CellFailure])
    case cellBegan(Int)
    case output(Int, CellOutput)
    case cellEnded(Int)
    /// The text of the chapter's inline value `index`, computed after the cell above it.
    case inlineValue(index: Int, text: String)
    /// An `expect-error` cell failed at run time, as it should. The program starts again
    /// without it; the cells before it run again quietly (their events are not repeated).
    case failedAsExpected(CellResult)
    /// The run is over (or came from the cache): the result, expectations applied, and why it ran.
    case finished(ChapterResult, explanation: String)
}

/// Watches a chapter run. Called on the thread that called `ChapterRunner.run`.
public protocol RunObserver: AnyObject {
    func observe(_ event: RunEvent)
}

/// Decides, before each cell, whether the program goes on: how `primer step` waits for the
/// learner. A run with a gate is never served from, nor stored in, the cache.
public protocol CellGate: AnyObject {
    /// The program is about to run `cell` (cells replayed after an expected failure are let
    /// through without asking).
    func permit(_ cell: Int) -> CellPermission
}

/// A gate's answer.
public enum CellPermission: Sendable {
    /// Run this cell, then ask again before the next.
    case run
    /// Run this cell and every later one without asking.
    case runRest
    /// Stop: this cell and the later ones are not run.
    case stop
}
