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
}
