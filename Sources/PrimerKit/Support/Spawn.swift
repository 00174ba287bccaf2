import CPrimerSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting programs with `posix_spawn` and reaping them with a blocking `waitpid` on their own
/// pid — never through Foundation's `Process`, whose exit monitoring on Linux can miss a child
/// that ends while many others are being started (seen here: `waitUntilExit()` waiting forever on
/// a zombie), which would hang `primer check` or the test suite.
///
///     let pid = try Spawn.start("/usr/bin/swiftc", ["--version"], descriptors: [1: pipe[1], 2: pipe[1]])
///     let status = Spawn.wait(pid)      // .exited(0)
enum Spawn {
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)

        var succeeded: Bool { self == .exited(0) }

        /// The status a shell would report: the exit code, or 128 + the signal number.
        var shellStatus: Int32 {
            switch self {
            case .exited(let code): return code
            case .signaled(let signal): return 128 + signal
            }
        }
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `executable`. `descriptors` maps each of the child's descriptors to one of ours
    /// (`nil` opens /dev/null there); descriptor 0 is /dev/null unless mapped. Every other
    /// descriptor the child might inherit must be close-on-exec (see `makePipe`).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                      directory: String? = nil, descriptors: [Int32: Int32?] = [:],
                      newProcessGroup: Bool = false) throws -> pid_t {
        // Our ends must not sit on a descriptor number that a dup2 below overwrites.
        var sources: [Int32: Int32] = [:]
        var raisedCopies: [Int32] = []
        defer { raisedCopies.forEach { close($0) } }
        for case let (target, source?) in descriptors {
            let copy = fcntl(source, F_DUPFD_CLOEXEC, 10)
            guard copy >= 0 else { throw LaunchError(description: "cannot duplicate a descriptor: \(String(cString: strerror(errno)))") }
            raisedCopies.append(copy)
            sources[target] = copy
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if descriptors[0] == nil { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        for target in descriptors.keys.sorted() {
            if let source = sources[target] {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_RDWR, 0)
            }
        }
        if let directory {
            let error = primer_spawn_add_chdir(&actions, directory)
            guard error == 0 else { throw LaunchError(description: "cannot change to \(directory): \(String(cString: strerror(error)))") }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newProcessGroup {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = environment ?? ProcessInfo.processInfo.environment
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw LaunchError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return child
    }

    /// Waits for `pid` to end.
    static func wait(_ pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(-1) }
        }
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }

    /// A pipe whose two ends are close-on-exec, so that no other program started meanwhile
    /// inherits them (which would keep a reader waiting for an end that never comes).
    static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard primer_pipe_cloexec(&fds) == 0 else {
            throw LaunchError(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        return (fds[0], fds[1])
    }

    /// Reads `fd` until its end and closes it.
    static func readToEnd(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { data.append(buffer, count: count); continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(fd)
        return data
    }
}
