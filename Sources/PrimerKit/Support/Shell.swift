import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a tool (swiftc, swift, pkg-config) to completion, capturing its output.
///
///     let version = try Shell.run("/usr/bin/swiftc", ["--version"]).output
enum Shell {
    struct Result {
        var status: Int32
        var output: String
        var succeeded: Bool { status == 0 }
    }

    /// Where the tool's stdout and stderr go.
    enum Output {
        /// Both into `Result.output`, interleaved as written.
        case capture
        /// Both to Primer's own stderr (a long build the user watches).
        case passthrough
        /// Nowhere (/dev/null): for a tool that leaves a daemon behind, which must not hold a
        /// pipe we read to its end.
        case discard
    }

    /// Runs `executable` with `arguments` in `directory` (default: ours); stdin is /dev/null.
    /// The status is the exit code, or 128 + the signal that ended the tool.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    directory: String? = nil, output: Output = .capture) throws -> Result {
        switch output {
        case .capture:
            let pipe = try Spawn.makePipe()
            let pid: pid_t
            do {
                pid = try Spawn.start(executable, arguments, environment: environment, directory: directory,
                                      descriptors: [1: pipe.write, 2: pipe.write])
            } catch {
                close(pipe.read); close(pipe.write)
                throw error
            }
            close(pipe.write)
            let data = Spawn.readToEnd(pipe.read)
            return Result(status: Spawn.wait(pid).shellStatus, output: String(decoding: data, as: UTF8.self))
        case .passthrough, .discard:
            let target: Int32? = output == .passthrough ? 2 : nil
            let pid = try Spawn.start(executable, arguments, environment: environment, directory: directory,
                                      descriptors: [1: target, 2: target])
            return Result(status: Spawn.wait(pid).shellStatus, output: "")
        }
    }

    /// The full path of `name` on `PATH`, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
