import Foundation

/// A learner's own versions of a chapter's cells, kept in the per-user folder (never in the
/// course): one `cell-N.swift` file per edited cell, and `<chapter>.md`, the chapter as it runs
/// with them. The editor opens the cell file; the course file is never written.
///
///     let scratch = ScratchCopy(of: chapter)
///     let file = try scratch.fileForEditing(cell: 3, startingWith: chapter.cells[3].source)
///     let edited = try scratch.chapter(with: scratch.learnerVersions())   // runs in the chapter's folder
public struct ScratchCopy: Sendable {
    public let original: Chapter
    public let folder: String

    public init(of chapter: Chapter, folder: String? = nil) {
        original = chapter
        self.folder = folder ?? LearnerFolder.folder(for: chapter.path, kind: "scratch")
    }

    /// The file that holds the learner's version of `cell` (1-based in its name, as on screen).
    public func file(forCell cell: Int) -> String { folder + "/cell-\(cell + 1).swift" }

    /// The learner's versions kept so far, by cell; a version equal to the original is no edit.
    public func learnerVersions() -> [Int: String] {
        var versions: [Int: String] = [:]
        for cell in original.cells where cell.runs && !cell.options.hiddenFromLearner {
            if let text = try? String(contentsOfFile: file(forCell: cell.index), encoding: .utf8),
               Self.normalized(text) != Self.normalized(cell.source) {
                versions[cell.index] = Self.normalized(text)
            }
        }
        return versions
    }

    /// Writes `source` to the cell's file unless the learner already has a version there; returns the file.
    public func fileForEditing(cell: Int, startingWith source: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = file(forCell: cell)
        if !FileManager.default.fileExists(atPath: path) { try AtomicFile.write(Data(source.utf8), to: path) }
        return path
    }

    /// Forgets every version (`primer step --reset`).
    public func removeAll() { try? FileManager.default.removeItem(atPath: folder) }

    /// The chapter with `versions` in place of those cells' code, parsed again (so every later
    /// line moves with the edit) under the original path: it runs in the chapter's folder.
    public func chapter(with versions: [Int: String], exerciseRun: ExerciseRun = .verifySolutions) throws -> EditedChapter {
        var lines = original.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, version) in versions.sorted(by: { $0.key > $1.key }) {
            let cell = original.cells[index]
            let newLines = Self.normalized(version).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            if let fence = newLines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("```") }) {
                throw ChapterError(path: file(forCell: index), line: fence + 1,
                                   message: "a line that starts with ``` would end the cell in the chapter; write it another way")
            }
            let start = cell.codeLine - 1
            lines.replaceSubrange(start..<(start + Self.lineCount(cell.source)), with: newLines)
        }
        let text = lines.joined(separator: "\n")
        if !versions.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(text.utf8), to: folder + "/" + (original.path as NSString).lastPathComponent)
        }
        var chapter = try Chapter.parse(Data(text.utf8), path: original.path)
        chapter.bookTolerance = original.bookTolerance
        chapter.exerciseRun = exerciseRun
        return EditedChapter(chapter: chapter, original: original, edited: Set(versions.keys), scratch: self)
    }

    /// How many lines `source` (a cell's code, as cmark gives it) spans in the file.
    static func lineCount(_ source: String) -> Int {
        source.isEmpty ? 0 : normalized(source).filter { $0 == "\n" }.count
    }

    /// The text with exactly one newline at its end (none when empty).
    static func normalized(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? "" : trimmed + "\n"
    }
}

/// A chapter as a learner runs it: their versions of some cells in place of the originals.
public struct EditedChapter: Sendable {
    public var chapter: Chapter
    public var original: Chapter
    /// The cells that run the learner's version.
    public var edited: Set<Int>
    public var scratch: ScratchCopy

    /// Where a line of the edited chapter is for the learner: in an edited cell, the line of
    /// their cell file; elsewhere, the line of the course's chapter.
    ///
    ///     edited.location(ofLine: 42)   // ("…/cell-4.swift", 2) or ("Chapters/01.md", 40)
    public func location(ofLine line: Int) -> (path: String, line: Int) {
        var shift = 0
        for index in edited.sorted() {
            let cell = chapter.cells[index]
            let count = ScratchCopy.lineCount(cell.source)
            if line >= cell.codeLine && line < cell.codeLine + max(1, count) {
                return (scratch.file(forCell: index), line - cell.codeLine + 1)
            }
            if line >= cell.codeLine + count { shift += count - ScratchCopy.lineCount(original.cells[index].source) }
        }
        return (original.path, line - shift)
    }
}
