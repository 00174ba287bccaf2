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

    private static let installed = Guarded<((Update) -> Void)?>(nil)

    /// Receives reports; set by the cell module (and by tests).
    public static var sink: ((Update) -> Void)? {
        get { installed.withLock { $0 } }
        set { installed.withLock { $0 = newValue } }
    }

    public static func report(_ update: Update) { sink?(update) }
}
