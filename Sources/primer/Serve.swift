import ArgumentParser
import Foundation
import PrimerKit
import PrimerServe
#if canImport(Glibc)
import Glibc
#endif

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the book, serve it on this machine and rebuild it as you edit.",
        discussion: """
        The site is served at http://127.0.0.1:4000/ (only this machine can reach it unless --host says \
        otherwise). After each save, only the chapters whose cells, options or data files changed run \
        again; a prose edit just re-renders. Open pages reload themselves, show which cell runs, and show \
        each error at its cell. Files are watched with inotify, or with --poll by looking every 0.3 s. \
        Ctrl-C stops the server and any chapter that is running.
        """)

    @Argument(help: "The book folders (with SUMMARY.md, or chapters ordered by file name); several editions of a course are served side by side (en/, zh/…). Default: Chapters and its editions.")
    var books: [String] = []

    @Option(help: "The port to listen on; a port in use is an error, not a reason to take another.")
    var port: Int = 4000

    @Option(help: "The address to listen on; anything but 127.0.0.1 or ::1 lets other machines read the book.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the book in the browser once it is served.")
    var open = false

    @Flag(help: "Watch the files by looking at them every 0.3 s instead of asking inotify (for file systems where inotify says nothing).")
    var poll = false

    @Option(name: [.short, .customLong("jobs")], help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var cache: CacheOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port takes a number from 0 to 65535") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        ChapterRunner.stopProgramsOnInterrupt()
        let runner = try cache.makeRunner()
        // One site folder per port: two previews sharing a cache never write each other's site.
        let books = self.books.isEmpty ? Editions.defaultCourse.ifEmpty(["Chapters"]) : self.books
        let options = PreviewSession.Options(books: books, site: cache.cacheDirectory + "/serve-site-\(port)", host: host,
                                             port: port, polling: poll, jobs: jobs)
        let started = Locked<Result<PreviewSession, Error>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        Task {
            do {
                let session = try await PreviewSession.start(options, runner: runner) { line in Self.say(line) }
                started.withLock { $0 = .success(session) }
            } catch {
                started.withLock { $0 = .failure(error) }
            }
            ready.signal()
        }
        ready.wait()
        let session: PreviewSession
        switch started.withLock({ $0 })! {
        case .success(let running): session = running
        case .failure(let error):
            printError("error: \(error)")
            throw ExitCode(2)
        }
        Self.say("Serving \(books.joined(separator: " and ")) at \(session.server.url) — Ctrl-C stops.")
        if open && !Browser.open(session.server.url) { printError("(could not open a browser; open \(session.server.url) yourself)") }
        // Ctrl-C kills a chapter that runs now and ends Primer at once (status 130): a killed run
        // is never stored as the chapter's result, and cache entries are whole or absent at any
        // moment. The server, the watcher and the open pages' streams end with the process.
        while true { sleep(3600) }
    }

    /// Writes a line to standard output at once (unbuffered: serve's log is read as it goes).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
