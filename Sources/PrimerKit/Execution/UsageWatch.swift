import Foundation

/// Watches a running program's memory and CPU time against the limits of the cell that is
/// running, a few times a second, and says when a cell goes over one.
///
/// Memory is the resident memory of the program and everything it started; CPU time is what
/// they used since the cell began. A sample costs one read of `/proc/PID/stat` per process on
/// the machine (about a millisecond for a few hundred), so it is taken every `interval`.
///
///     var watch = UsageWatch(root: child.pid, limits: [0: ResourceLimits(memoryBytes: 2 << 30)])
///     if let (cell, limit) = watch.check(runningCell: 0, now: uptime) { … kill, report … }
struct UsageWatch {
    let root: Int32
    let limits: [Int: ResourceLimits]
    var interval = 0.2
    private(set) var peakResident: [Int: Int] = [:]
    private var lastSample = -Double.infinity
    private var cell: Int?
    private var cpuAtCellStart = 0.0

    init(root: Int32, limits: [Int: ResourceLimits]) {
        self.root = root; self.limits = limits
    }

    /// Samples when `interval` has passed; returns the running cell and the limit it went over.
    mutating func check(runningCell: Int?, now: Double) -> (cell: Int, limit: ExceededLimit)? {
        guard let running = runningCell, !limits.isEmpty, now - lastSample >= interval else { return nil }
        lastSample = now
        let usage = ProcessTreeUsage.sample(root: root)
        if running != cell {
            cell = running
            cpuAtCellStart = usage.cpuSeconds
        }
        peakResident[running] = max(peakResident[running] ?? 0, usage.residentBytes)
        guard let limit = limits[running] else { return nil }
        if let bytes = limit.memoryBytes, usage.residentBytes > bytes { return (running, .memory(bytes: bytes)) }
        if let seconds = limit.cpuSeconds, usage.cpuSeconds - cpuAtCellStart > seconds { return (running, .cpu(seconds: seconds)) }
        return nil
    }
}
