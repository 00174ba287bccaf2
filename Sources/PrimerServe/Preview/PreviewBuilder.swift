import Foundation
import PrimerKit

/// Builds the book's site for the preview, through the same `ChapterBatch` and cache as
/// `primer build`: a chapter whose cache key did not change is not run (a prose edit only
/// re-renders). While chapters run, their events go to the open pages; after the build, the
/// pages whose HTML changed are told to reload, and every page learns what failed where.
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

    public let bookFolder: String
    public let siteFolder: String
    public let runner: ChapterRunner
    public let channel: LiveChannel
    public let jobs: Int
    /// Page (and asset) file name → digest of its bytes at the last build.
    private let digests = Locked<[String: String]>([:])
    private let currentInputs: Locked<BookInputs>

    public init(book: String, site: String, runner: ChapterRunner, channel: LiveChannel,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        bookFolder = book; siteFolder = site; self.runner = runner; self.channel = channel; self.jobs = jobs
        currentInputs = Locked(BookInputs(folder: book))
    }

    /// The files the latest build read.
    public var inputs: BookInputs { currentInputs.withLock { $0 } }

    @discardableResult
    public func build() -> Summary {
        let start = Date()
        channel.send(.building)
        let book: Book
        do { book = try Book.load(folder: bookFolder) } catch {
            let state = LiveState(bookError: "\(error)")
            channel.send(.state(state))
            return Summary(seconds: Date().timeIntervalSince(start), ran: [], changedPages: [], state: state, warnings: [])
        }
        let channel = self.channel
        let batch = ChapterBatch(runner: runner, jobs: jobs) { path in
            LiveRunObserver(page: SiteBuilder.pageName(for: path), channel: channel)
        }
        let items = batch.run(book.chapters.map(\.path))
        currentInputs.withLock { inputs in
            inputs = BookInputs(folder: bookFolder, chapters: book.chapters.map(\.path),
                                dataFiles: items.compactMap(\.chapter).flatMap { chapter in chapter.dataFiles.map { chapter.folder + "/" + $0 } })
        }
        let links = LinkCheck.run(items.compactMap(\.chapter), book: Set(book.chapters.map(\.path)), root: book.folder)
        var site = SiteBuilder(book: book, items: items)
        site.assets = links.assets
        var state = LiveState(failures: Self.failures(items) + links.problems.map { problem in
            LiveFailure(page: SiteBuilder.pageName(for: problem.path), cell: nil,
                        location: "\(problem.path):\(problem.line):\(problem.column)", kind: "broken link", message: problem.message)
        })
        do { try site.write(to: siteFolder) } catch {
            state.bookError = "could not write the site to \(siteFolder): \(error)"
        }
        let changed = state.bookError == nil ? changedPages() : []
        channel.send(.state(state))
        if !changed.isEmpty { channel.send(.reload(pages: changed)) }
        return Summary(seconds: Date().timeIntervalSince(start),
                       ran: items.filter { !$0.result.fromCache && $0.chapter != nil }.map(\.result.path),
                       changedPages: changed, state: state, warnings: site.warnings)
    }

    /// Each failure of the book's chapters, at its cell.
    static func failures(_ items: [ChapterBatch.Item]) -> [LiveFailure] {
        items.flatMap { item -> [LiveFailure] in
            let page = SiteBuilder.pageName(for: item.result.path)
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
        let pages = fresh.keys.filter { $0.hasSuffix(".html") && !$0.contains("/") }
        let assetChanged = fresh.keys.contains { $0.hasPrefix("assets/") && $0 != "assets/search-index.js" && previous[$0] != fresh[$0] }
        if assetChanged { return pages.sorted() }
        return pages.filter { previous[$0] != fresh[$0] }.sorted()
    }
}
