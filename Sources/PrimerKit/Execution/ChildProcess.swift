import CPrimerSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started in its own process group with its stdout and stderr on pipes and a
/// secret on file descriptor 3, so that the whole group can be killed at once.
///
///     let child = try ChildProcess(executable: "/tmp/chapter", arguments: [], environment: env, secret: token)
///     … read child.stdoutFD / child.stderrFD …
///     let status = child.wait()
final class ChildProcess {
    let pid: pid_t
    let stdoutFD: Int32
    let stderrFD: Int32
    /// The write end of the pipe that is the child's file descriptor 4, when asked for.
    private(set) var controlFD: Int32?

    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)

        var succeeded: Bool { self == .exited(0) }
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    init(executable: String, arguments: [String], environment: [String: String], secret: String?,
         controlPipe: Bool = false) throws {
        // A child that dies early must not take Primer down with SIGPIPE when we write the secret.
        signal(SIGPIPE, SIG_IGN)
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], secretPipe: [Int32] = [0, 0]
        guard primer_pipe_cloexec(&outPipe) == 0, primer_pipe_cloexec(&errPipe) == 0, primer_pipe_cloexec(&secretPipe) == 0 else {
            throw LaunchError(description: "cannot create pipes: \(String(cString: strerror(errno)))")
        }
        // The child's ends move above the standard descriptors so that dup2 onto 1, 2 and 3 never
        // meets one of them; close-on-exec then closes every original in the child.
        func raised(_ fd: Int32) -> Int32 {
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return moved
        }
        outPipe[1] = raised(outPipe[1]); errPipe[1] = raised(errPipe[1]); secretPipe[0] = raised(secretPipe[0])
        var control: [Int32] = [-1, -1]
        if controlPipe {
            guard primer_pipe_cloexec(&control) == 0 else {
                throw LaunchError(description: "cannot create pipes: \(String(cString: strerror(errno)))")
            }
            control[0] = raised(control[0])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, secretPipe[0], 3)
        if controlPipe { posix_spawn_file_actions_adddup2(&actions, control[0], 4) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(outPipe[1]); close(errPipe[1]); close(secretPipe[0])
        if controlPipe { close(control[0]) }
        guard result == 0 else {
            close(outPipe[0]); close(errPipe[0]); close(secretPipe[1])
            if controlPipe { close(control[1]) }
            throw LaunchError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        if let secret {
            let line = secret + "\n"
            _ = line.withCString { write(secretPipe[1], $0, strlen($0)) }
        }
        close(secretPipe[1])
        pid = child
        stdoutFD = outPipe[0]
        stderrFD = errPipe[0]
        controlFD = controlPipe ? control[1] : nil
    }

    /// Writes one control byte to the child's descriptor 4; false when the child is gone.
    @discardableResult
    func sendControl(_ byte: UInt8) -> Bool {
        guard let fd = controlFD else { return false }
        var b = byte
        return write(fd, &b, 1) == 1
    }

    /// Closes descriptor 4's pipe: a child waiting on it ends quietly.
    func closeControl() {
        if let fd = controlFD { close(fd); controlFD = nil }
    }

    /// Kills the whole process group (the program and anything it started).
    func killGroup() {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
    }

    /// Waits for the program to end and closes the pipes.
    func wait() -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(stdoutFD); close(stderrFD)
        closeControl()
        // Anything the program left running in its group goes with it.
        kill(-pid, SIGKILL)
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }
}
