import Foundation

/// The learner's text editor: `$VISUAL`, else `$EDITOR`, else `nano`, else `vi`. It runs on the
/// terminal and Primer waits for it to end. The variables may hold arguments (`code --wait`).
///
///     try CellEditor.fromEnvironment().edit("/home/ada/.local/state/primer/scratch/…/cell-4.swift")
public struct CellEditor: Sendable {
    /// A shell command; the file's path is added as its last argument.
    public var command: String

    /// The editors tried, in order, when neither `VISUAL` nor `EDITOR` is set.
    public static let fallbacks = ["nano", "vi"]

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CellEditor {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return CellEditor(command: value) }
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let found = fallbacks.first { name in path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
        return CellEditor(command: found ?? "vi")
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens `file` and waits until the editor ends; throws when it cannot start or fails.
    public func edit(_ file: String) throws {
        let pid = try Spawn.start("/bin/sh", ["-c", command + " \"$1\"", "primer-editor", file],
                                  descriptors: [0: 0, 1: 1, 2: 2])
        let termination = Spawn.wait(pid)
        guard termination.succeeded else {
            throw Failure(description: "the editor (`\(command)`) ended with \(termination); set VISUAL or EDITOR to the editor you use")
        }
    }
}
