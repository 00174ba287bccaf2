import Foundation
import PrimerKit

/// Builds the book's site for the preview, through the same `ChapterBatch` and cache as
/// `primer build`: a chapter whose cache key did not change is not run (a prose edit only
/// re-renders). While chapters run, their events go to the open pages; after the build, the
/// pages whose HTML changed are told to reload, and every page learns what failed where.
/// Given the editions of a course, it serves them side by side as `primer build` writes them
/// (`en/…`, `zh/…`, an index), and pages are named by their path in the site (`zh/02-next.html`).
///
///     let builder = PreviewBuilder(book: "Chapters", site: ".primer-cache/serve-site", runner: runner, channel: channel)
///     let summary = builder.build()     // summary.changedPages == ["02-next.html"]
public final class PreviewBuilder: Sendable {
    /// What one build did.
    public struct Summary: Sendable {
        public var seconds: Double
        /// Chapters that ran (the others came from the cache).
        public var ran: [String]
        public var changedPages: [String]
        public var state: LiveState
        public var warnings: [String]
    }

    public let bookFolders: [String]
    public let siteFolder: String
    public let runner: ChapterRunner
    public let channel: LiveChannel
    public let jobs: Int
    /// Page (and asset) file name → digest of its bytes at the last build.
    private let digests = Locked<[String: String]>([:])
    private let currentInputs: Locked<BookInputs>

    public convenience init(book: String, site: String, runner: ChapterRunner, channel: LiveChannel,
                            jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(books: [book], site: site, runner: runner, channel: channel, jobs: jobs)
    }

    public init(books: [String], site: String, runner: ChapterRunner, channel: LiveChannel,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        bookFolders = books; siteFolder = site; self.runner = runner; self.channel = channel; self.jobs = jobs
        currentInputs = Locked(BookInputs(folders: books))
    }

    /// The files the latest build read.
    public var inputs: BookInputs { currentInputs.withLock { $0 } }

    @discardableResult
    public func build() -> Summary {
        let start = Date()
        channel.send(.building)
        let books: [Book]
        do { books = try bookFolders.map { try Book.load(folder: $0) } } catch {
            let state = LiveState(bookError: "\(error)")
            channel.send(.state(state))
            return Summary(seconds: Date().timeIntervalSince(start), ran: [], changedPages: [], state: state, warnings: [])
        }
        // A page's name in the site: its file, inside its edition's folder when there are several.
        let prefixes = books.count > 1 ? Editions.siteFolders(for: books).map { $0 + "/" } : [""]
        var pages: [String: String] = [:]
        for (book, prefix) in zip(books, prefixes) {
            for chapter in book.chapters { pages[chapter.path] = prefix + SiteBuilder.pageName(for: chapter.path) }
        }
        let page: @Sendable (String) -> String = { [pages] path in pages[path] ?? SiteBuilder.pageName(for: path) }
        let channel = self.channel
        let batch = ChapterBatch(runner: runner, jobs: jobs) { path in LiveRunObserver(page: page(path), channel: channel) }
        let items = batch.run(books.flatMap { $0.chapters.map(\.path) })
        currentInputs.withLock { inputs in
            // A translated chapter is made from its source too: a change there re-renders it.
            inputs = BookInputs(folders: bookFolders, chapters: books.flatMap { $0.chapters.map(\.path) },
                                dataFiles: items.compactMap(\.chapter).flatMap { chapter in chapter.dataFiles.map { chapter.folder + "/" + $0 } }
                                    + items.compactMap(\.chapter?.translation?.path))
        }
        var (site, links) = CourseSite.checkingLinks(books: books, items: items)
        var state = LiveState(failures: Self.failures(items, page: page) + links.problems.map { problem in
            LiveFailure(page: page(problem.path), cell: nil,
                        location: "\(problem.path):\(problem.line):\(problem.column)", kind: "broken link", message: problem.message)
        })
        do { try site.write(to: siteFolder) } catch {
            state.bookError = "could not write the site to \(siteFolder): \(error)"
        }
        let warnings = site.warnings
        let changed = state.bookError == nil ? changedPages() : []
        channel.send(.state(state))
        if !changed.isEmpty { channel.send(.reload(pages: changed)) }
        return Summary(seconds: Date().timeIntervalSince(start),
                       ran: items.filter { !$0.result.fromCache && $0.chapter != nil }.map(\.result.path),
                       changedPages: changed, state: state, warnings: warnings)
    }

    /// Each failure of the book's chapters, at its cell, on the page `page` names for its chapter.
    static func failures(_ items: [ChapterBatch.Item], page: (String) -> String = SiteBuilder.pageName(for:)) -> [LiveFailure] {
        items.flatMap { item -> [LiveFailure] in
            let page = page(item.result.path)
            if let error = item.result.chapterError {
                return [LiveFailure(page: page, cell: nil, location: "\(error.path):\(error.line):\(error.column)",
                                    kind: "chapter error", message: error.message)]
            }
            return item.result.failures.map { cell, failure in
                LiveFailure(page: page, cell: cell + 1, location: "\(item.result.path):\(failure.line):\(failure.column)",
                            kind: failure.kind.rawValue, message: failure.message)
            }
        }
    }

    /// The pages whose bytes differ from the last build's; every page when the theme's
    /// stylesheet or script changed (the search index changes with any prose edit: no reload).
    private func changedPages() -> [String] {
        var fresh: [String: String] = [:]
        let files = (FileManager.default.enumerator(atPath: siteFolder)?.allObjects as? [String]) ?? []
        // Pages, the stylesheet and the script; not the fonts, copies of a system file.
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".css") || file.hasSuffix(".js") {
            guard let data = FileManager.default.contents(atPath: siteFolder + "/" + file) else { continue }
            var hash = SHA256()
            hash.update(data)
            fresh[file] = hash.finalizeHex()
        }
        let previous = digests.withLock { digests in defer { digests = fresh }; return digests }
        func isAsset(_ file: String) -> Bool { file.hasPrefix("assets/") || file.contains("/assets/") }
        // Pages are at the top, or one level down in an edition's folder.
        let pages = fresh.keys.filter { $0.hasSuffix(".html") && !isAsset($0) && $0.split(separator: "/").count <= 2 }
        let assetChanged = fresh.keys.contains { isAsset($0) && !$0.hasSuffix("assets/search-index.js") && previous[$0] != fresh[$0] }
        if assetChanged { return pages.sorted() }
        return pages.filter { previous[$0] != fresh[$0] }.sorted()
    }
}
