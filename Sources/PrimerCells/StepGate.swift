import Foundation
import NumericCore
#if canImport(Glibc)
import Glibc
#endif

/// Under `primer step`, each cell waits for the learner: the runner writes one byte on file
/// descriptor 4 per cell (`n`: run the next cell; `c`: run the rest without waiting) and
/// closes it to quit.
enum StepGate {
    /// Whether cells still wait: until the learner says "run the rest".
    private static let waiting = Guarded<Bool>({
        guard ProcessInfo.processInfo.environment["PRIMER_STEP"] == "1" else { return false }
        var stats = stat()
        return fstat(4, &stats) == 0 && (stats.st_mode & S_IFMT) == S_IFIFO
    }())

    static func waitForGoAhead() {
        guard waiting.withLock({ $0 }) else { return }
        fflush(stdout)
        var byte: UInt8 = 0
        var n: Int
        repeat { n = read(4, &byte, 1) } while n < 0 && errno == EINTR
        if n <= 0 { exit(0) }            // the learner quit
        if byte == UInt8(ascii: "c") { waiting.withLock { $0 = false }; close(4) }
    }
}
