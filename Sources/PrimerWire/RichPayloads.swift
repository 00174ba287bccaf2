import Foundation

/// The payloads of the rich outputs that are not figures, shared by the cell module (which
/// encodes them) and the runner (which decodes and renders them).
public enum RichKind {
    /// A `PrimerFigures.Figure`, JSON.
    public static let figure = "figure"
    /// A LaTeX formula, UTF-8 text; shown as display math.
    public static let math = "math"
    /// A `ProgressPayload`, JSON.
    public static let progress = "progress"
    /// Preformatted text that is not part of stdout (e.g. `show(model)`), UTF-8.
    public static let text = "text"
}

/// A progress report from a running cell (a training loop's batches or epochs).
public struct ProgressPayload: Codable, Equatable, Sendable {
    /// Which task this reports on: later reports of the same task replace earlier ones.
    public var task: String
    /// What to show instead of `task` when it changes as the task goes on (`epoch 3/40` for one
    /// run of `fit`), so that the task keeps one line.
    public var label: String?
    public var completed: Int
    public var total: Int
    public var metrics: [Metric]

    public struct Metric: Codable, Equatable, Sendable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) { self.name = name; self.value = value }
    }

    public init(task: String, label: String? = nil, completed: Int, total: Int, metrics: [Metric] = []) {
        self.task = task; self.label = label; self.completed = completed; self.total = total; self.metrics = metrics
    }

    /// The label when there is one, else the task.
    public var displayName: String { label ?? task }

    /// `epoch 1  [██████░░░░]  60/100  loss 0.4123`, fitted to `width` columns.
    public func line(width: Int) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(completed) / Double(total))) : 0
        let numbers = "\(completed)/\(total)"
        let metricText = metrics.map { "\($0.name) \(Self.format($0.value))" }.joined(separator: "  ")
        let fixed = displayName.count + numbers.count + metricText.count + 8
        let barWidth = max(5, min(30, width - fixed))
        let filled = Int((fraction * Double(barWidth)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        return "\(displayName)  [\(bar)]  \(numbers)" + (metricText.isEmpty ? "" : "  " + metricText)
    }

    /// A metric value for people: 4 decimals, or scientific notation when very large or small.
    public static func format(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if abs(v) >= 1000 || (abs(v) < 0.001 && v != 0) { return String(format: "%.3e", v) }
        return String(format: "%.4f", v)
    }
}
