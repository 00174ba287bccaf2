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

    typealias Termination = Spawn.Termination

    init(executable: String, arguments: [String], environment: [String: String], secret: String?,
         controlPipe: Bool = false) throws {
        // A child that dies early must not take Primer down with SIGPIPE when we write the secret.
        signal(SIGPIPE, SIG_IGN)
        let output = try Spawn.makePipe(), errors = try Spawn.makePipe(), secretPipe = try Spawn.makePipe()
        let control = controlPipe ? try Spawn.makePipe() : nil
        var descriptors: [Int32: Int32?] = [1: output.write, 2: errors.write, 3: secretPipe.read]
        if let control { descriptors[4] = control.read }
        let child: pid_t
        do {
            child = try Spawn.start(executable, arguments, environment: environment, descriptors: descriptors,
                                    newProcessGroup: true)
        } catch {
            for fd in [output.read, output.write, errors.read, errors.write, secretPipe.read, secretPipe.write] { close(fd) }
            if let control { close(control.read); close(control.write) }
            throw error
        }
        close(output.write); close(errors.write); close(secretPipe.read)
        if let control { close(control.read) }
        if let secret {
            let line = secret + "\n"
            _ = line.withCString { write(secretPipe.write, $0, strlen($0)) }
        }
        close(secretPipe.write)
        pid = child
        stdoutFD = output.read
        stderrFD = errors.read
        controlFD = control?.write
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
        let termination = Spawn.wait(pid)
        close(stdoutFD); close(stderrFD)
        closeControl()
        // Anything the program left running in its group goes with it.
        kill(-pid, SIGKILL)
        return termination
    }
}
