import Foundation

/// Runs many chapters, several at once, and hands back their results in the given order.
///
///     let results = ChapterBatch(runner: runner, jobs: 2).run(paths) { result in print(result.path) }
public struct ChapterBatch: Sendable {
    public var runner: ChapterRunner
    public var jobs: Int
    public var useCache: Bool
    /// Makes the observer of each chapter's run, by chapter path (`primer serve` forwards the
    /// events to the browser); nil: nobody watches the runs.
    public var observer: (@Sendable (String) -> RunObserver?)?

    public init(runner: ChapterRunner, jobs: Int, useCache: Bool = true,
                observer: (@Sendable (String) -> RunObserver?)? = nil) {
        self.runner = runner; self.jobs = max(1, jobs); self.useCache = useCache; self.observer = observer
    }

    /// A chapter's result with the parsed chapter (nil when it did not parse) and why it ran.
    public struct Item: Sendable {
        public var chapter: Chapter?
        public var result: ChapterResult
        public var explanation: String
    }

    /// Runs every chapter; `onFinish` is called (serially) as each one finishes. Translated
    /// chapters start after the others, so that they find their sources' runs made or under way.
    public func run(_ paths: [String], onFinish: @escaping @Sendable (Item) -> Void = { _ in }) -> [Item] {
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        let items = Locked([Item?](repeating: nil, count: paths.count))
        let loaded = paths.map { path in Result { try Chapter.load(path: path) } }
        let translations = Set(paths.indices.filter { (try? loaded[$0].get())?.translation != nil })
        let order = paths.indices.filter { !translations.contains($0) } + paths.indices.filter(translations.contains)
        for i in order {
            queue.addOperation {
                let item = self.runOne(paths[i], loaded: loaded[i])
                items.withLock { items in
                    items[i] = item
                    onFinish(item)
                }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        return items.withLock { $0.map { $0! } }
    }

    public func runOne(_ path: String) -> Item {
        runOne(path, loaded: Result { try Chapter.load(path: path) })
    }

    func runOne(_ path: String, loaded: Result<Chapter, any Error>) -> Item {
        let start = Date()
        do {
            let chapter = try loaded.get()
            let explained = runner.run(chapter, useCache: useCache, observer: observer?(path))
            return Item(chapter: chapter, result: explained.result, explanation: explained.explanation)
        } catch let error as ChapterError {
            let result = ChapterResult(path: path, cells: [], seconds: Date().timeIntervalSince(start), chapterError: error)
            return Item(chapter: nil, result: result, explanation: "not run: the chapter has an error")
        } catch {
            let result = ChapterResult(path: path, cells: [], seconds: 0, chapterError: ChapterError(path: path, line: 1, message: "\(error)"))
            return Item(chapter: nil, result: result, explanation: "not run")
        }
    }
}
