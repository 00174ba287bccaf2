import Foundation

/// The command line that starts a chapter's program: `prlimit` sets the kernel's limits on it
/// (memory, CPU time and, in the sandbox, processes) and then runs it, inside the sandbox when
/// one is given.
///
///     ProgramLaunch.command(executable: "/w/chapter", backstop: limits, sandbox: nil, layout: nil)
///     // ["/usr/bin/prlimit", "--data=8589934592", "--cpu=780", "--", "/w/chapter"]
enum ProgramLaunch {
    static func command(executable: String, backstop: ResourceLimits, sandbox: Sandbox?, layout: Sandbox.Layout?) -> [String] {
        var program = [executable]
        if let prlimit = Shell.which("prlimit") {
            var limits: [String] = []
            if let bytes = backstop.memoryBytes { limits.append("--data=\(bytes)") }
            if let seconds = backstop.cpuSeconds { limits.append("--cpu=\(Int(seconds.rounded(.up)))") }
            // Outside the sandbox the kernel counts every process of the user, not the program's.
            if sandbox != nil, let count = backstop.processes { limits.append("--nproc=\(count)") }
            program = [prlimit] + limits + ["--"] + program
        }
        guard let sandbox, let layout else { return program }
        return sandbox.command(running: program, in: layout)
    }
}
