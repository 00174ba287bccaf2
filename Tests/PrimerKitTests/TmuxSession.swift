import Foundation
@testable import PrimerKit

/// A command in a detached tmux session of a given size, whose screen a test reads and types
/// into, as a learner's terminal shows it. Each session has a tmux server of its own (its own
/// socket), so tests running at once never share, or shut down, each other's server.
///
///     let tmux = try TmuxSession(step: ["numbers.md"], in: folder)
///     #expect(try tmux.waitFor("Enter: run this cell"))
///     try tmux.press("q")
struct TmuxSession {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    let name: String
    let stateFolder: String

    /// `primer step` with `arguments` in `folder`, with its own per-user folder.
    init(step arguments: [String], in folder: String, environment: [String: String] = [:], stateFolder: String? = nil,
         columns: Int = 120) throws {
        let state = stateFolder ?? TestSupport.scratchFolder("state")
        var variables = ["NO_COLOR": "1", "PRIMER_HOME": TestSupport.runner.toolchain.packageRoot, "PRIMER_STATE_DIR": state]
        for (key, value) in environment { variables[key] = value }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let command = "cd '\(folder)' && \(assignments) \(TestSupport.primerExecutable) step \(arguments.joined(separator: " ")); echo EXIT=$?; sleep 60"
        try self.init(command: command, columns: columns, stateFolder: state)
    }

    init(command: String, columns: Int = 120, rows: Int = 50, stateFolder: String = "") throws {
        name = "primer-test-\(getpid())-\(UUID().uuidString.prefix(6))"
        self.stateFolder = stateFolder
        // The tmux server outlives `new-session`: it must not inherit a pipe we read to its end.
        _ = try Shell.run("/usr/bin/tmux", ["-L", name, "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command],
                          output: .discard)
    }

    func end() { _ = try? Shell.run("/usr/bin/tmux", ["-L", name, "kill-server"]) }

    func press(_ key: String) throws { _ = try Shell.run("/usr/bin/tmux", ["-L", name, "send-keys", "-t", name, key]) }

    /// The screen and its scroll-back, with the lines tmux wrapped joined again (so a line that
    /// overflowed the width shows as one long line).
    func screen() throws -> String {
        try Shell.run("/usr/bin/tmux", ["-L", name, "capture-pane", "-p", "-J", "-t", name, "-S", "-500"]).output
    }

    /// Waits up to 60 s for `text` on the screen (after the last `marker`, when given).
    func waitFor(_ text: String, after marker: String? = nil) throws -> Bool {
        for _ in 0..<600 {
            var shown = try screen()
            if let marker, let range = shown.range(of: marker, options: .backwards) { shown = String(shown[range.upperBound...]) }
            else if marker != nil { shown = "" }
            if shown.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
