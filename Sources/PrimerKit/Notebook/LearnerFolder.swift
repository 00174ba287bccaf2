import Foundation

/// The per-user folder where `primer step` keeps a learner's work: scratch copies of edited
/// chapters and where they stopped. Never inside the course.
///
/// `$PRIMER_STATE_DIR` if set, else `$XDG_STATE_HOME/primer`, else `~/.local/state/primer`.
///
///     LearnerFolder.path                                  // "/home/ada/.local/state/primer"
///     LearnerFolder.folder(for: "Chapters/01-two-stacks.md", kind: "scratch")
public enum LearnerFolder {
    public static var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["PRIMER_STATE_DIR"], !explicit.isEmpty { return Paths.absolute(explicit) }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/primer" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/primer"
    }

    /// A folder of `kind` (`scratch`, `progress`) for the file or folder at `path`: named after
    /// its last component and a digest of its absolute path, so two courses never share one.
    static func folder(for path: String, kind: String) -> String {
        let absolute = Paths.absolute(path)
        let name = ((absolute as NSString).lastPathComponent as NSString).deletingPathExtension
        return self.path + "/\(kind)/\(name)-\(SHA256.hex(of: absolute).prefix(12))"
    }
}
