import Foundation
import NumericCore
import PrimerWire

/// Live progress for long-running cells: `primer step` shows a bar that updates while the
/// cell runs, and the page shows where it ended.
///
///     for epoch in 1...5 {
///         for batch in 0..<938 { …; Progress.update("epoch \(epoch)", batch + 1, of: 938, ["loss": loss]) }
///     }
///
/// The engines' training loops report through the same channel.
public enum Progress {
    /// Per task: when its last report was sent, and the latest one held back since.
    private struct Pacing {
        var lastSent: [String: Double] = [:]
        var heldBack: [String: ProgressPayload] = [:]
    }
    private static let pacing = Guarded(Pacing())
    /// Reports closer together than this (seconds) are dropped, except a task's last one.
    static let minimumInterval = 0.1

    /// Reports that `task` has done `completed` of `total` steps, with optional metrics
    /// (`Float` or `Double` values: a tensor's `.item` goes straight in).
    public static func update(_ task: String, _ completed: Int, of total: Int,
                              _ metrics: KeyValuePairs<String, any BinaryFloatingPoint> = [:]) {
        send(ProgressPayload(task: task, completed: completed, total: total,
                             metrics: metrics.map { .init(name: $0.key, value: asDouble($0.value)) }))
    }

    private static func asDouble(_ value: any BinaryFloatingPoint) -> Double {
        switch value {
        case let v as Double: return v
        case let v as Float: return Double(v)
        default: return Double(String(describing: value)) ?? .nan
        }
    }

    static func send(_ payload: ProgressPayload) {
        let now = ProcessInfo.processInfo.systemUptime
        let finished = payload.completed >= payload.total
        let due = pacing.withLock { pacing -> Bool in
            if let last = pacing.lastSent[payload.task], !finished, now - last < minimumInterval {
                pacing.heldBack[payload.task] = payload
                return false
            }
            pacing.lastSent[payload.task] = now
            pacing.heldBack[payload.task] = nil
            return true
        }
        if due { emit(payload) }
    }

    /// Sends the last held-back report of every task (called at the end of each cell).
    static func finishAll() {
        let held = pacing.withLock { pacing -> [ProgressPayload] in
            defer { pacing = Pacing() }
            return pacing.heldBack.sorted(by: { $0.key < $1.key }).map(\.value)
        }
        held.forEach(emit)
    }

    private static func emit(_ payload: ProgressPayload) {
        // Without Primer, progress is not printed: it would only clutter the output.
        guard OutputChannel.isConnected, let data = try? JSONEncoder().encode(payload) else { return }
        OutputChannel.send(.rich(kind: RichKind.progress, payload: data))
    }
}

extension OutputChannel {
    /// Routes the engines' progress reports to the runner.
    static func installProgressSink() {
        TrainingProgress.sink = { update in
            Progress.send(ProgressPayload(task: update.task, label: update.label, completed: update.completed, total: update.total,
                                          metrics: update.metrics.map { .init(name: $0.name, value: $0.value) }))
        }
    }
}
