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
    nonisolated(unsafe) private static var lastSent: [String: (time: Double, completed: Int)] = [:]
    nonisolated(unsafe) private static var lastPayload: [String: ProgressPayload] = [:]
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
        if let last = lastSent[payload.task], !finished, now - last.time < minimumInterval {
            lastPayload[payload.task] = payload
            return
        }
        lastSent[payload.task] = (now, payload.completed)
        lastPayload[payload.task] = nil
        emit(payload)
    }

    /// Sends the last held-back report of every task (called at the end of each cell).
    static func finishAll() {
        for (_, payload) in lastPayload.sorted(by: { $0.key < $1.key }) { emit(payload) }
        lastPayload.removeAll()
        lastSent.removeAll()
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
