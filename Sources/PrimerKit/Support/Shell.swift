import Foundation

/// Runs a tool (swiftc, swift, pkg-config) to completion, capturing its output.
enum Shell {
    struct Result {
        var status: Int32
        var output: String
        var succeeded: Bool { status == 0 }
    }

    /// Runs `executable` with `arguments`; stdout and stderr are captured together unless
    /// `passthrough` is set, in which case they go to Primer's own stderr.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    passthrough: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        if passthrough {
            process.standardOutput = FileHandle.standardError
            process.standardError = FileHandle.standardError
        } else {
            process.standardOutput = pipe
            process.standardError = pipe
        }
        try process.run()
        var data = Data()
        if !passthrough { data = pipe.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
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
