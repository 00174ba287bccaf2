import Foundation

extension Book {
    /// Whether a book asks for its chapters to run in the sandbox: `"sandbox": true` in the
    /// `book.json` beside a chapter.
    ///
    ///     {"title": "A Course", "sandbox": true}
    ///
    /// Read with each chapter (`Chapter.load`), so every command that runs chapters — `check`,
    /// `run`, `build`, `step`, `serve` — honours it through `ChapterRunner`. False without a
    /// `book.json` or without the key.
    static func requiresSandbox(forChapterAt chapterPath: String) throws -> Bool {
        let folder = (chapterPath as NSString).deletingLastPathComponent
        let path = join(folder, "book.json")
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let value = object["sandbox"] else { return false }
        guard let flag = value as? Bool else {
            throw ChapterError(path: path, line: 1, message: "`sandbox` is true or false, e.g. \"sandbox\": true (run every chapter of the book in the sandbox)")
        }
        return flag
    }
}
