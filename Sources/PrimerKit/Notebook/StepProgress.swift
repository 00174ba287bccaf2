import Foundation

/// Where a learner stopped in each chapter of a book and which exercises they solved: one
/// small JSON file per book (or lone chapter) in the per-user folder, written atomically.
///
///     var progress = StepProgress.load(for: "Chapters")
///     progress.stopped(at: 5, in: "01-two-stacks.md")
///     progress.solved(exercise: 12, in: "01-two-stacks.md")
///     try progress.save()
public struct StepProgress: Codable, Equatable, Sendable {
    /// One chapter's state, by its file name.
    public struct ChapterState: Codable, Equatable, Sendable {
        /// The cell the learner was at (0-based).
        public var cell = 0
        /// The exercises solved, by their `exercise` cell.
        public var solved: [Int] = []
        /// Whether they reached the chapter's end.
        public var finished = false
    }

    public var chapters: [String: ChapterState] = [:]
    /// The chapter the learner was in last.
    public var lastChapter: String?
    /// The JSON file (not stored in it).
    public var file = ""

    enum CodingKeys: String, CodingKey { case chapters, lastChapter }

    /// The progress for the book folder or chapter at `path` (empty when there is none yet).
    public static func load(for path: String) -> StepProgress {
        let file = LearnerFolder.folder(for: path, kind: "progress") + ".json"
        var progress = FileManager.default.contents(atPath: file).flatMap { try? JSONDecoder().decode(StepProgress.self, from: $0) } ?? StepProgress()
        progress.file = file
        return progress
    }

    public func state(of chapter: String) -> ChapterState { chapters[Self.key(chapter)] ?? ChapterState() }

    public mutating func stopped(at cell: Int, in chapter: String) {
        chapters[Self.key(chapter), default: ChapterState()].cell = cell
        lastChapter = Self.key(chapter)
    }

    public mutating func solved(exercise cell: Int, in chapter: String) {
        var state = chapters[Self.key(chapter), default: ChapterState()]
        if !state.solved.contains(cell) { state.solved = (state.solved + [cell]).sorted() }
        chapters[Self.key(chapter)] = state
    }

    public mutating func finished(_ chapter: String) {
        chapters[Self.key(chapter), default: ChapterState()].finished = true
        chapters[Self.key(chapter)]?.cell = 0
    }

    /// Forgets one chapter.
    public mutating func forget(_ chapter: String) {
        chapters[Self.key(chapter)] = nil
        if lastChapter == Self.key(chapter) { lastChapter = nil }
    }

    public func save() throws {
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: file)
    }

    /// Forgets it (`primer step --reset`).
    public func remove() { try? FileManager.default.removeItem(atPath: file) }

    /// Chapters are known by file name, wherever the learner starts Primer from.
    static func key(_ chapter: String) -> String { (chapter as NSString).lastPathComponent }
}
