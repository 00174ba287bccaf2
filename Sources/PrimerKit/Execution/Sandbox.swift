import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sandbox a chapter's program runs in under `--sandbox` (or a book's `"sandbox": true`):
/// bubblewrap with every namespace unshared.
///
/// Inside it the program has no network (its own, empty network namespace), sees the file
/// system read-only except its work folder and a private `/tmp`, sees an empty home folder,
/// has its own PID namespace (`/proc` lists only its processes, and nothing it starts outlives
/// it), gets only the environment variables of `allowedEnvironment`, and may have at most
/// `ResourceLimits.processes` processes and threads. Run as root, Primer first drops to the
/// unprivileged user `nobody` (65534), so that the kernel's process limit applies.
///
///     let sandbox = try Sandbox.prepare()            // throws when it cannot be set up
///     let argv = sandbox.command(running: ["/work/chapter"], in: layout)
public struct Sandbox: Sendable, Equatable {
    /// The `bwrap` executable.
    public var bubblewrap: String
    /// Folders that appear empty inside (the invoking user's home, by default).
    public var hiddenFolders: [String]

    /// Environment variables a sandboxed program keeps; everything else (tokens, `SSH_AUTH_SOCK`,
    /// cloud credentials…) is dropped. `HOME` is kept and points at an empty folder.
    public static let allowedEnvironment: [String] = [
        "PATH", "HOME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "TERM", "NO_COLOR", "TZ",
        "PRIMER_THREADS", "OPENBLAS_NUM_THREADS", "SWIFT_BACKTRACE", "PRIMER_SKIP_CELLS", "PRIMER_STEP",
    ]

    /// The user a program runs as when Primer runs as root.
    static let unprivilegedID: UInt32 = 65534

    public struct Unavailable: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Finds bubblewrap and checks, by starting it once, that it can set up the namespaces here.
    /// Throws a message that says what to install or enable; Primer then refuses to run
    /// chapters rather than run them unsandboxed.
    public static func prepare(bubblewrap: String? = nil, hiding: [String]? = nil) throws(Unavailable) -> Sandbox {
        guard let path = bubblewrap ?? Shell.which("bwrap"), FileManager.default.isExecutableFile(atPath: path) else {
            throw Unavailable(description: "the sandbox needs bubblewrap (`bwrap`), which is not installed; run `scripts/bootstrap.sh --sandbox` (or `sudo apt-get install bubblewrap`) and try again. Primer does not run chapters unsandboxed when a sandbox is asked for")
        }
        let sandbox = Sandbox(bubblewrap: path, hiddenFolders: hiding ?? defaultHiddenFolders())
        let probe = sandbox.privilegeDrop + [path] + sandbox.isolationArguments + ["--", "/bin/true"]
        let result: Shell.Result
        do { result = try Shell.run(probe[0], Array(probe.dropFirst())) } catch {
            throw Unavailable(description: "cannot start bubblewrap (\(path)): \(error)")
        }
        guard result.succeeded else {
            let said = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Unavailable(description: "bubblewrap cannot set up the sandbox on this machine (\(said.isEmpty ? "status \(result.status)" : said)); it needs unprivileged user namespaces: `unshare --user --map-root-user true` must succeed (on Debian: `sysctl kernel.unprivileged_userns_clone=1`; in a container: allow `unshare`, e.g. seccomp and AppArmor profiles that permit it). Primer does not run chapters unsandboxed when a sandbox is asked for")
        }
        return sandbox
    }

    /// The invoking user's home folders: `$HOME` and the account's home, when they differ.
    static func defaultHiddenFolders() -> [String] {
        var folders: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], home.count > 1 { folders.append(home) }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            let home = String(cString: dir)
            if home.count > 1, !folders.contains(home) { folders.append(home) }
        }
        return folders
    }

    /// What a program needs to see inside, beyond the read-only root.
    public struct Layout: Sendable {
        /// The program's work folder (its binary, its backtrace file): writable.
        public var work: String
        /// The chapter's folder: read-only, and where the program starts.
        public var chapterFolder: String
        /// Folders the program must read (the engines, the toolchain): read-only, bound again in
        /// case they sit under a hidden folder or `/tmp`.
        public var readable: [String]
        /// The chapter's declared data files: read-only; one under a hidden folder is bound only
        /// when it lies inside the chapter's folder (the author chose it, not the learner).
        public var dataFiles: [String] = []

        public init(work: String, chapterFolder: String, readable: [String], dataFiles: [String] = []) {
            self.work = work; self.chapterFolder = chapterFolder; self.readable = readable; self.dataFiles = dataFiles
        }
    }

    /// The full command line: drop privileges (as root), bubblewrap, then `program`.
    public func command(running program: [String], in layout: Layout) -> [String] {
        var arguments = privilegeDrop + [bubblewrap] + isolationArguments
        for folder in hiddenFolders { arguments += ["--tmpfs", folder] }
        for path in layout.readable where !containsHidden(path) { arguments += ["--ro-bind-try", path, path] }
        for path in layout.dataFiles where mayBind(dataFile: path, chapterFolder: layout.chapterFolder) {
            arguments += ["--ro-bind-try", path, path]
        }
        arguments += ["--ro-bind-try", layout.chapterFolder, layout.chapterFolder]
        arguments += ["--bind", layout.work, layout.work, "--chdir", layout.chapterFolder]
        return arguments + ["--"] + program
    }

    /// Whether binding `path` again would undo hiding: it is or contains a hidden folder or `/tmp`.
    func containsHidden(_ path: String) -> Bool {
        (hiddenFolders + ["/tmp"]).contains { Self.path($0, isWithin: path) }
    }

    /// Whether a declared data file may be bound: not when that would undo hiding, and inside a
    /// hidden folder only within the chapter's own folder — so `reads ../../.ssh/id_rsa` in a
    /// course kept in the home folder reads nothing.
    func mayBind(dataFile path: String, chapterFolder: String) -> Bool {
        if containsHidden(path) { return false }
        return hiddenFolders.allSatisfy { !Self.path(path, isWithin: $0) } || Self.path(path, isWithin: chapterFolder)
    }

    static func path(_ inner: String, isWithin outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// The environment a sandboxed program gets: the allowed variables of `environment`, with
    /// `TMPDIR` pointing at the private `/tmp`.
    public static func environment(from environment: [String: String]) -> [String: String] {
        var kept = environment.filter { allowedEnvironment.contains($0.key) }
        kept["TMPDIR"] = "/tmp"
        return kept
    }

    /// Prepares `work` for a program that runs as `nobody`: it must be able to write there.
    func prepareWorkFolder(_ work: String) {
        guard geteuid() == 0 else { return }
        chown(work, Self.unprivilegedID, Self.unprivilegedID)
    }

    /// As root: `setpriv` to `nobody` first, so that the process limit binds (the kernel does not
    /// count root's processes) and a sandbox escape would not be root.
    private var privilegeDrop: [String] {
        guard geteuid() == 0, let setpriv = Shell.which("setpriv") else { return [] }
        let id = String(Self.unprivilegedID)
        return [setpriv, "--reuid=" + id, "--regid=" + id, "--clear-groups"]
    }

    /// Namespaces, the root file system read-only, fresh /dev, /proc and /tmp.
    private var isolationArguments: [String] {
        ["--unshare-all", "--die-with-parent", "--new-session", "--hostname", "primer-sandbox",
         "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    }
}
