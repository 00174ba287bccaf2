import Foundation
import PrimerWire

// Entry points that Primer's generated program calls around each cell. They are public only
// because the generated program lives in another module; cells never call them.

/// Called once, first thing in the generated program.
public func _primerStart() {
    OutputChannel.start()
}

/// Called before the code of cell `index` runs. Under `primer step` it first waits for the
/// learner's go-ahead on file descriptor 4.
public func _primerCellBegin(_ index: Int) {
    StepGate.waitForGoAhead()
    OutputChannel.send(.cellBegan(index), alsoOnStderr: true)
}

/// Called after the code of cell `index` ran to its end.
public func _primerCellEnd(_ index: Int) {
    Progress.finishAll()
    OutputChannel.send(.cellEnded(index), alsoOnStderr: true)
}

/// True when the runner asked to skip cell `index` (an `expect-error` cell that already
/// failed as expected in an earlier run of this program).
public func _primerShouldSkip(_ index: Int) -> Bool {
    guard let list = ProcessInfo.processInfo.environment["PRIMER_SKIP_CELLS"] else { return false }
    return list.split(separator: ",").contains { Int($0) == index }
}

/// Called with the value of the chapter's inline value `index` (`` `{swift} …` `` in prose),
/// right where the prose stands. Without Primer, nothing is sent.
public func _primerInlineValue(_ index: Int, _ value: Any) {
    OutputChannel.send(.value(index, text: InlineFormat.text(of: value)))
}
