import Foundation

/// Wall-clock seconds spent in `body`, with its result.
///
///     let (fitted, seconds) = try timed { try model.fit(x, y) }
public func timed<Result>(_ body: () throws -> Result) rethrows -> (result: Result, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let elapsed = DispatchTime.now().uptimeNanoseconds - start
    return (result, Double(elapsed) / 1e9)
}

/// CPU seconds the whole process (all its threads) has used so far: unlike wall-clock time, not
/// inflated by waiting for a core that another process holds.
public func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// The process's peak resident set so far, in mebibytes (`VmHWM` in /proc/self/status),
/// or nil where that file does not exist.
public func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes / 1024 }
    }
    return nil
}
