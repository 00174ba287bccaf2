import Foundation
import PrimerKit

/// `primer serve` as a whole: builds the book, serves the site, watches the book's files and
/// rebuilds after each change (debounced: a burst of saves is one rebuild; a change during a
/// build makes one more build after it).
///
///     let session = try await PreviewSession.start(options, runner: runner, log: { print($0) })
///     print(session.server.url)
///     await session.stop()
public final class PreviewSession: Sendable {
    public struct Options: Sendable {
        /// The book folders: one book, or the editions of a course (served side by side).
        public var books: [String]
        public var site: String
        public var host: String
        public var port: Int
        /// Poll the files instead of asking inotify.
        public var polling: Bool
        public var jobs: Int
        /// How long the files must stay quiet before a rebuild.
        public var quiet: TimeInterval

        public init(book: String, site: String, host: String = "127.0.0.1", port: Int = 4000, polling: Bool = false,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, quiet: TimeInterval = 0.1) {
            self.init(books: [book], site: site, host: host, port: port, polling: polling, jobs: jobs, quiet: quiet)
        }

        public init(books: [String], site: String, host: String = "127.0.0.1", port: Int = 4000, polling: Bool = false,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, quiet: TimeInterval = 0.1) {
            self.books = books; self.site = site; self.host = host; self.port = port
            self.polling = polling; self.jobs = jobs; self.quiet = quiet
        }
    }

    public let server: PreviewServer
    public let builder: PreviewBuilder
    public let channel: LiveChannel
    private let log: @Sendable (String) -> Void
    private let watcher = Locked<(any FileWatcher)?>(nil)
    private let debouncer = Locked<ChangeDebouncer?>(nil)
    private let watchedFolders = Locked<[String]>([])
    private let queue = DispatchQueue(label: "primer.serve.build")
    private let buildQueued = Locked(false)
    private let stopped = Locked(false)
    private let polling: Bool
    private let quiet: TimeInterval

    private init(server: PreviewServer, builder: PreviewBuilder, channel: LiveChannel, options: Options,
                 log: @escaping @Sendable (String) -> Void) {
        self.server = server; self.builder = builder; self.channel = channel; self.log = log
        polling = options.polling; quiet = options.quiet
    }

    /// Starts the server (first, so that a busy port is said at once), builds the book once,
    /// then starts the watcher.
    public static func start(_ options: Options, runner: ChapterRunner,
                             log: @escaping @Sendable (String) -> Void) async throws -> PreviewSession {
        let channel = LiveChannel()
        let builder = PreviewBuilder(books: options.books, site: options.site, runner: runner, channel: channel, jobs: options.jobs)
        let server = try await PreviewServer.start(site: options.site, channel: channel, host: options.host, port: options.port)
        let first = builder.build()
        if let error = first.state.bookError {
            await server.stop()
            throw PreviewServer.StartError(description: error)
        }
        let session = PreviewSession(server: server, builder: builder, channel: channel, options: options, log: log)
        session.report(first)
        try session.watch()
        return session
    }

    /// Stops watching, lets a build under way finish, and stops the server.
    public func stop() async {
        stopped.withLock { $0 = true }
        debouncer.withLock { $0?.stop() }
        watcher.withLock { $0?.stop(); $0 = nil }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in queue.async { done.resume() } }
        await server.stop()
    }

    /// Starts (or restarts, when the folders to watch changed) the watcher on the book's inputs.
    private func watch() throws {
        let folders = builder.inputs.watchedFolders
        guard watchedFolders.withLock({ $0 }) != folders else { return }
        watcher.withLock { $0?.stop() }
        self.debouncer.withLock { $0?.stop() }
        let debouncer = ChangeDebouncer(quiet: quiet) { [weak self] paths in self?.changed(paths) }
        self.debouncer.withLock { $0 = debouncer }
        let fresh = try FileWatchers.make(folders: folders, polling: polling) { paths in debouncer.add(paths) }
        watcher.withLock { $0 = fresh }
        watchedFolders.withLock { $0 = folders }
    }

    private func changed(_ paths: [String]) {
        let inputs = builder.inputs
        let relevant = paths.filter(inputs.matters)
        guard !relevant.isEmpty else { return }
        log("changed: " + relevant.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))
        scheduleBuild()
    }

    /// Queues one build, unless one is already waiting (a build under way is not waiting: a
    /// change during it gets a build of its own afterwards).
    public func scheduleBuild() {
        let queued = buildQueued.withLock { queued -> Bool in defer { queued = true }; return queued }
        guard !queued else { return }
        queue.async { [self] in
            buildQueued.withLock { $0 = false }
            guard !stopped.withLock({ $0 }) else { return }
            report(builder.build())
            if !stopped.withLock({ $0 }) {
                do { try watch() } catch { log("warning: could not watch the book's files: \(error)") }
            }
        }
    }

    private func report(_ summary: PreviewBuilder.Summary) {
        var line = String(format: "built in %.2f s", summary.seconds)
        line += summary.ran.isEmpty ? " (nothing ran)" : "; ran " + summary.ran.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        if !summary.changedPages.isEmpty { line += "; changed: " + summary.changedPages.joined(separator: ", ") }
        log(line)
        if let error = summary.state.bookError { log("error: " + error) }
        for failure in summary.state.failures { log("\(failure.location): error: \(failure.message)") }
        summary.warnings.forEach(log)
    }
}
