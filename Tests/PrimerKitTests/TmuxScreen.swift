import Foundation
@testable import PrimerKit

/// A command running in a detached tmux session of a given size, whose screen a test reads
/// and types into, as a learner's terminal would show it.
///
///     let tmux = try TmuxScreen(command: "primer step ch.md", columns: 80)
///     #expect(try tmux.waitFor("Enter: run this cell"))
///     try tmux.send("q")
final class TmuxScreen {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
    let session = "primer-test-\(getpid())-\(UUID().uuidString.prefix(6))"

    init(command: String, columns: Int = 100, rows: Int = 50) throws {
        // The tmux server outlives `new-session`: it must not inherit a pipe we read to its end.
        _ = try Shell.run("/usr/bin/tmux", ["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command],
                          output: .discard)
    }

    deinit { _ = try? Shell.run("/usr/bin/tmux", ["kill-session", "-t", session]) }

    /// The screen and the scroll-back; `joined`: lines tmux wrapped are joined again, so a
    /// line that overflowed the width shows as one long line.
    func screen(joined: Bool = false) throws -> String {
        try Shell.run("/usr/bin/tmux", ["capture-pane", "-p"] + (joined ? ["-J"] : []) + ["-t", session, "-S", "-400"]).output
    }

    func waitFor(_ text: String, seconds: Double = 30) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try screen().contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func send(_ keys: String) throws {
        _ = try Shell.run("/usr/bin/tmux", ["send-keys", "-t", session, keys])
    }
}
