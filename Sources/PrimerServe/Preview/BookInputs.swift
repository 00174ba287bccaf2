import Foundation
import PrimerKit

/// The files a book's site is made from, and so the ones whose change calls for a rebuild:
/// `SUMMARY.md`, `book.json`, the chapters (and any new Markdown file in the book folder),
/// the chapters' declared data files, the source chapters of translated ones and the `theme/`
/// files. Editors' scratch files (`.x.swp`,
/// `x~`, `#x#`, `4913`) and everything else (the cache, a site written inside the book) are not.
///
///     let inputs = BookInputs(folder: "/book", chapters: ["/book/01.md"], dataFiles: ["/data/x.csv"])
///     inputs.matters("/book/01.md")          // true
///     inputs.matters("/book/.01.md.swp")     // false
public struct BookInputs: Sendable, Equatable {
    /// The book folders (several for the editions of a course), absolute.
    public var folders: [String]
    public var chapters: Set<String>
    public var dataFiles: Set<String>

    public init(folder: String, chapters: [String] = [], dataFiles: [String] = []) {
        self.init(folders: [folder], chapters: chapters, dataFiles: dataFiles)
    }

    public init(folders: [String], chapters: [String] = [], dataFiles: [String] = []) {
        self.folders = folders.map(Self.normalized)
        self.chapters = Set(chapters.map(Self.normalized))
        self.dataFiles = Set(dataFiles.map(Self.normalized))
    }

    /// The folders to watch: the books', and those of data files that live outside them.
    public var watchedFolders: [String] {
        let outside = dataFiles.map { ($0 as NSString).deletingLastPathComponent }
            .filter { directory in !folders.contains { directory == $0 || directory.hasPrefix($0 + "/") } }
        return folders + Set(outside).sorted()
    }

    public func matters(_ path: String) -> Bool {
        let path = Self.normalized(path)
        if chapters.contains(path) || dataFiles.contains(path) { return true }
        let name = (path as NSString).lastPathComponent
        let directory = (path as NSString).deletingLastPathComponent
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") { return false }
        if folders.contains(directory) { return name == "SUMMARY.md" || name == "book.json" || name.hasSuffix(".md") }
        return folders.contains { directory == $0 + "/theme" }
    }

    static func normalized(_ path: String) -> String {
        Paths.absolute(path)
    }
}
