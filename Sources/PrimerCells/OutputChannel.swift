import Foundation
import NumericCore
import PrimerWire
#if canImport(Glibc)
import Glibc
#endif

/// The cell module's side of the wire to the runner.
///
/// When Primer runs a chapter it hands the program a secret token on file descriptor 3;
/// `start()` reads and closes it before any cell runs, so a cell cannot read it and cannot
/// forge a record. Without a token (a chapter's program run by hand) rich outputs are rendered
/// as text on stdout instead.
enum OutputChannel {
    /// The run's secret, read once at start (nil when not under Primer).
    private static let connection = Guarded<(started: Bool, token: String?)>((false, nil))

    /// True when the program runs under Primer.
    static var isConnected: Bool { token != nil }
    private static var token: String? { connection.withLock { $0.token } }

    static func start() {
        let first = connection.withLock { state -> Bool in
            guard !state.started else { return false }
            state.started = true
            return true
        }
        guard first else { return }
        // Line-buffered stdout: prints stream live and interleave with stderr in order.
        setvbuf(stdout, nil, _IOLBF, 0)
        let token = readToken()
        connection.withLock { $0.token = token }
        if token != nil { OrphanWatch.start() }
        installProgressSink()
    }

    private static func readToken() -> String? {
        var stats = stat()
        guard fstat(3, &stats) == 0, (stats.st_mode & S_IFMT) == S_IFIFO else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(3, &buffer, buffer.count)
        close(3)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    static func send(_ record: WireRecord, alsoOnStderr: Bool = false) {
        guard let token else { return }
        let line = record.encoded(token: token)
        fflush(stdout)
        fputs(line, stdout)
        fflush(stdout)
        if alsoOnStderr {
            fputs(line, stderr)
        }
    }

    /// Sends a rich output, or prints `fallback()` when not under Primer.
    static func sendRich(kind: String, payload: Data, fallback: () -> String) {
        if isConnected {
            send(.rich(kind: kind, payload: payload))
        } else {
            print(fallback())
        }
    }
}
