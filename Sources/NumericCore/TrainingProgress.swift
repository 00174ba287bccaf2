/// A seam between the engines and whatever shows their progress. The engines report; the
/// cell module installs a sink that turns reports into live progress bars and history plots.
/// With no sink installed, reports cost one nil check.
///
///     TrainingProgress.report(.init(task: "epoch 1", completed: 120, total: 938,
///                                   metrics: ["loss": 0.41]))
public enum TrainingProgress {
    /// One progress report: how far a task has come, and its latest metrics.
    public struct Update: Sendable {
        /// The task's identity: later reports of the same task replace earlier ones.
        public var task: String
        /// What to show instead of `task`, when that changes as the task goes on (`epoch 3/40`).
        public var label: String?
        public var completed: Int
        public var total: Int
        public var metrics: [(name: String, value: Double)]

        public init(task: String, label: String? = nil, completed: Int, total: Int,
                    metrics: [(name: String, value: Double)] = []) {
            self.task = task; self.label = label; self.completed = completed; self.total = total; self.metrics = metrics
        }
    }

    /// One finished epoch (or round) of training, for history tables and curves.
    public struct EpochRecord: Sendable {
        public var epoch: Int
        public var metrics: [(name: String, value: Double)]

        public init(epoch: Int, metrics: [(name: String, value: Double)]) {
            self.epoch = epoch; self.metrics = metrics
        }
    }

    /// Receives reports; set by the cell module.
    nonisolated(unsafe) public static var sink: ((Update) -> Void)?
    /// Receives finished epochs; set by the cell module.
    nonisolated(unsafe) public static var epochSink: ((EpochRecord) -> Void)?

    public static func report(_ update: Update) { sink?(update) }
    public static func finishEpoch(_ record: EpochRecord) { epochSink?(record) }
}
