import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ends the chapter's program, and everything it started, when Primer itself goes away
/// (killed, say, in the middle of a build): the program leads its own process group, so
/// nothing else would stop it.
enum OrphanWatch {
    static func start() {
        let parent = getppid()
        guard parent > 1 else { return }
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                if getppid() != parent { kill(0, SIGKILL); _exit(137) }   // the whole group
            }
        }
        thread.stackSize = 64 << 10
        thread.start()
    }
}
