import Foundation
import PrimerKit

/// Gathers changed paths until none has come for `quiet` seconds, then delivers them at once:
/// an editor's temporary-file-and-rename, or a burst of saves, becomes one rebuild.
///
///     let debouncer = ChangeDebouncer(quiet: 0.1) { paths in rebuild(paths) }
///     watcher = try FileWatchers.make(folders: [book], polling: false, onChange: debouncer.add)
public final class ChangeDebouncer: Sendable {
    private struct State {
        var paths: Set<String> = []
        var generation = 0
        var stopped = false
    }

    private let quiet: TimeInterval
    private let deliver: ChangeHandler
    private let state = Locked(State())
    private let queue = DispatchQueue(label: "primer.debouncer")

    public init(quiet: TimeInterval = 0.1, deliver: @escaping ChangeHandler) {
        self.quiet = quiet; self.deliver = deliver
    }

    /// Adds paths; the delivery waits until `quiet` seconds pass without another `add`.
    public func add(_ paths: [String]) {
        let generation = state.withLock { state -> Int? in
            guard !state.stopped else { return nil }
            state.paths.formUnion(paths); state.generation += 1
            return state.generation
        }
        guard let generation else { return }
        queue.asyncAfter(deadline: .now() + quiet) { [self] in
            let ready = state.withLock { state -> [String]? in
                guard !state.stopped, state.generation == generation, !state.paths.isEmpty else { return nil }
                defer { state.paths = [] }
                return state.paths.sorted()
            }
            if let ready { deliver(ready) }
        }
    }

    /// Drops what is pending; nothing is delivered after this returns (but a delivery under
    /// way finishes first).
    public func stop() {
        state.withLock { $0.stopped = true; $0.paths = [] }
        queue.sync {}
    }
}
