import Foundation

/// File paths as Primer resolves them.
public enum Paths {
    /// `path` made absolute against the current folder and standardised.
    ///
    ///     Paths.absolute("Chapters/../Examples")   // "/home/me/course/Examples"
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// `relative` resolved against `folder` without touching the disk: `.` and `..` are
    /// removed where they can be, and a relative result stays relative (so it reads as the
    /// user would write it in a message).
    ///
    ///     Paths.lexicallyJoined(folder: "Chapters-zh", "../Chapters/01-intro.md")   // "Chapters/01-intro.md"
    public static func lexicallyJoined(folder: String, _ relative: String) -> String {
        let joined = relative.hasPrefix("/") || folder.isEmpty || folder == "." ? relative : folder + "/" + relative
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let body = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? "/" + body : (body.isEmpty ? "." : body)
    }
}
