import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process groups of the chapter programs running now. When Primer is interrupted
/// (Ctrl-C, `kill`), every one of them is killed before Primer exits, so nothing a cell
/// started outlives the command.
///
///     ProcessGroups.shared.insert(child.pid)   // after spawning into a new group
///     ProcessGroups.shared.remove(child.pid)   // after the group was killed and reaped
final class ProcessGroups: Sendable {
    static let shared = ProcessGroups()

    private let groups = Locked<Set<pid_t>>([])
    private let handlers = Locked<[DispatchSourceSignal]>([])

    func insert(_ group: pid_t) {
        installHandlers()
        groups.withLock { _ = $0.insert(group) }
    }

    func remove(_ group: pid_t) {
        groups.withLock { _ = $0.remove(group) }
    }

    /// Kills every running group (SIGKILL to the whole group).
    func killAll() {
        for group in groups.withLock({ $0 }) { kill(-group, SIGKILL) }
    }

    /// Installs the signal handlers (once; later calls do nothing).
    func installHandlers() {
        handlers.withLock { handlers in
            guard handlers.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { [self] in
                    killAll()
                    // Then end the way the signal would have ended Primer.
                    signal(signalNumber, SIG_DFL)
                    kill(getpid(), signalNumber)
                }
                source.resume()
                handlers.append(source)
            }
        }
    }
}
