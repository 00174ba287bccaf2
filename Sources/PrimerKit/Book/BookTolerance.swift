import Foundation

extension Book {
    /// The book-wide tolerance of `output` blocks: the `"tolerance"` of the `book.json` beside a
    /// chapter, in the words an `output` block takes.
    ///
    ///     {"title": "A Course", "tolerance": "tolerance=0.5% integers=1%"}
    ///
    /// Only this key is read here (a chapter is checked even when the rest of `book.json` is
    /// incomplete); nil without a `book.json` or without the key.
    static func tolerance(forChapterAt chapterPath: String) throws -> StatedTolerance? {
        let folder = (chapterPath as NSString).deletingLastPathComponent
        let path = join(folder, "book.json")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ChapterError(path: path, line: 1, message: "not valid JSON (\(error.localizedDescription)); book.json holds the book's metadata, e.g. {\"title\": \"…\"}")
        }
        guard let value = (object as? [String: Any])?["tolerance"] else { return nil }
        let line = lineOfKey("tolerance", in: data)
        guard let words = value as? String else {
            throw ChapterError(path: path, line: line, message: "`tolerance` is a string of the words an `output` block takes, e.g. \"tolerance\": \"tolerance=0.5% integers=1%\"")
        }
        do {
            return StatedTolerance(options: try ToleranceOptions.parse(words), source: .book(path: path))
        } catch {
            throw ChapterError(path: path, line: line, message: "`tolerance`: " + error.message)
        }
    }

    /// The 1-based line where `"key"` first appears, for messages (1 when it is not found).
    private static func lineOfKey(_ key: String, in data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: "\"\(key)\"") else { return 1 }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }
}
