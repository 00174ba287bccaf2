import Foundation

/// The runs of source chapters one `ChapterRunner` made, by cache key, so that every edition
/// of a chapter shares one run even with `--no-cache` or while the source is still running:
/// a translation asks for its source's result and waits for a run in progress rather than
/// starting another.
///
///     let result = runs.result(for: key) { runner.run(source) }   // runs once per key
final class SourceRuns: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [String: ChapterResult] = [:]
    private var running: Set<String> = []
    /// Results kept, at most: a long `primer serve` session edits chapters many times.
    private let capacity = 64

    /// What a run is recorded under: the chapter's cache key and its file (two chapters with
    /// the same cells, or none, are still two runs).
    static func program(key: String, path: String) -> String { key + " " + Paths.absolute(path) }

    /// The result for `key`: recorded, awaited while another thread runs it, or made by `run`.
    func result(for key: String, run: () -> ChapterResult) -> ChapterResult {
        condition.lock()
        while running.contains(key) { condition.wait() }
        if let done = results[key] { condition.unlock(); return done }
        running.insert(key)
        condition.unlock()
        let made = run()
        record(made, for: key)
        return made
    }

    /// Marks `key` as being run, so that translations wait for it; `record` ends the mark.
    func begin(_ key: String) {
        condition.lock(); running.insert(key); condition.unlock()
    }

    func record(_ result: ChapterResult, for key: String) {
        condition.lock()
        if results.count >= capacity { results.removeAll() }
        results[key] = result
        running.remove(key)
        condition.broadcast()
        condition.unlock()
    }
}
