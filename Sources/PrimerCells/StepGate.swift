import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Under `primer step`, each cell waits for the learner: the runner writes one byte on file
/// descriptor 4 per cell (`n`: run the next cell; `c`: run the rest without waiting) and
/// closes it to quit.
enum StepGate {
    nonisolated(unsafe) private static var waiting: Bool = {
        guard ProcessInfo.processInfo.environment["PRIMER_STEP"] == "1" else { return false }
        var stats = stat()
        return fstat(4, &stats) == 0 && (stats.st_mode & S_IFMT) == S_IFIFO
    }()

    static func waitForGoAhead() {
        guard waiting else { return }
        fflush(stdout)
        var byte: UInt8 = 0
        var n: Int
        repeat { n = read(4, &byte, 1) } while n < 0 && errno == EINTR
        if n <= 0 { exit(0) }            // the learner quit
        if byte == UInt8(ascii: "c") { waiting = false; close(4) }
    }
}
