import Foundation
import PrimerKit

/// The files a book's site is made from, and so the ones whose change calls for a rebuild:
/// `SUMMARY.md`, `book.json`, the chapters (and any new Markdown file in the book folder),
/// the chapters' declared data files and the `theme/` files. Editors' scratch files (`.x.swp`,
/// `x~`, `#x#`, `4913`) and everything else (the cache, a site written inside the book) are not.
///
///     let inputs = BookInputs(folder: "/book", chapters: ["/book/01.md"], dataFiles: ["/data/x.csv"])
///     inputs.matters("/book/01.md")          // true
///     inputs.matters("/book/.01.md.swp")     // false
public struct BookInputs: Sendable, Equatable {
    /// The book folder, absolute.
    public var folder: String
    public var chapters: Set<String>
    public var dataFiles: Set<String>

    public init(folder: String, chapters: [String] = [], dataFiles: [String] = []) {
        self.folder = Self.normalized(folder)
        self.chapters = Set(chapters.map(Self.normalized))
        self.dataFiles = Set(dataFiles.map(Self.normalized))
    }

    /// The folders to watch: the book's, and those of data files that live outside it.
    public var watchedFolders: [String] {
        let outside = dataFiles.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.hasPrefix(folder + "/") && $0 != folder }
        return [folder] + Set(outside).sorted()
    }

    public func matters(_ path: String) -> Bool {
        let path = Self.normalized(path)
        if chapters.contains(path) || dataFiles.contains(path) { return true }
        let name = (path as NSString).lastPathComponent
        let directory = (path as NSString).deletingLastPathComponent
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") { return false }
        if directory == folder { return name == "SUMMARY.md" || name == "book.json" || name.hasSuffix(".md") }
        return directory == folder + "/theme"
    }

    static func normalized(_ path: String) -> String {
        Paths.absolute(path)
    }
}
