import CPrimerSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started in its own process group with its stdout and stderr on pipes and a
/// secret on file descriptor 3, so that the whole group can be killed at once.
///
///     let child = try ChildProcess(executable: "/tmp/chapter", arguments: [], environment: env,
///                                  directory: "/course/Chapters", secret: token)
///     … read child.stdoutFD / child.stderrFD …
///     let status = child.wait()
final class ChildProcess {
    let pid: pid_t
    let stdoutFD: Int32
    let stderrFD: Int32
    /// The write end of the pipe that is the child's file descriptor 4, when asked for.
    private(set) var controlFD: Int32?
    private var pipesClosed = false

    typealias Termination = Spawn.Termination

    init(executable: String, arguments: [String], environment: [String: String], directory: String?,
         secret: String?, controlPipe: Bool = false) throws {
        // A child that dies early must not take Primer down with SIGPIPE when we write the secret.
        signal(SIGPIPE, SIG_IGN)
        let output = try Spawn.makePipe(), errors = try Spawn.makePipe(), secretPipe = try Spawn.makePipe()
        let control = controlPipe ? try Spawn.makePipe() : nil
        var descriptors: [Int32: Int32?] = [1: output.write, 2: errors.write, 3: secretPipe.read]
        if let control { descriptors[4] = control.read }
        let child: pid_t
        do {
            child = try Spawn.start(executable, arguments, environment: environment, directory: directory,
                                    descriptors: descriptors, newProcessGroup: true)
        } catch {
            for fd in [output.read, output.write, errors.read, errors.write, secretPipe.read, secretPipe.write] { close(fd) }
            if let control { close(control.read); close(control.write) }
            throw error
        }
        ProcessGroups.shared.insert(child)
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

    /// Whether the program itself has ended. It is not reaped yet, so its process group id
    /// still names its group (the id cannot be reused before `wait()`).
    var hasEnded: Bool { primer_child_has_ended(pid) != 0 }

    /// Kills the whole process group (the program and anything it started).
    func killGroup() {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
    }

    /// Closes our ends of the output pipes (what a process that escaped the group still
    /// holds then gets EPIPE).
    func closePipes() {
        guard !pipesClosed else { return }
        pipesClosed = true
        close(stdoutFD); close(stderrFD)
    }

    /// Kills what is left of the group, reaps the program and closes the pipes.
    func wait() -> Termination {
        // Anything the program left running in its group goes with it, before the id is freed.
        kill(-pid, SIGKILL)
        let termination = Spawn.wait(pid)
        ProcessGroups.shared.remove(pid)
        closePipes()
        closeControl()
        return termination
    }
}
