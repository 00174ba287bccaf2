import Foundation
import PrimerKit
@testable import PrimerServe
import XCTest

/// `primer serve` end to end, in process, over loopback: the book is built, served, watched;
/// edits push events to every connected page.
final class ServeSessionTests: XCTestCase {
    private func write(_ text: String, _ path: String) {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func chapter(prose: String, cell: String) -> String {
        "# Live\n\n\(prose)\n\n```swift\n\(cell)\n```\n"
    }

    func testEditsPushEventsToEveryPage() async throws {
        let root = Paths.absolute(TestSupport.scratchFolder())
        let book = root + "/book"
        try FileManager.default.createDirectory(atPath: book, withIntermediateDirectories: true)
        write("{\"title\": \"Live\"}", book + "/book.json")
        write("# Summary\n\n- [Live](01-live.md)\n", book + "/SUMMARY.md")
        write(chapter(prose: "First words.", cell: "print(\"answer\", 6 * 7)"), book + "/01-live.md")
        let runner = TestSupport.runner(cache: root + "/cache")
        let options = PreviewSession.Options(book: book, site: root + "/cache/serve-site", port: 0, jobs: 1)
        let session = try await PreviewSession.start(options, runner: runner) { _ in }
        let port = session.server.port

        let page = try LoopbackHTTP(port: port).get("/01-live.html")
        XCTAssertTrue(page.contains("First words.") && page.contains("answer 42"), page)
        XCTAssertTrue(page.contains("/__primer/live.js"))

        // Two pages listen at once.
        let first = try LoopbackHTTP(port: port), second = try LoopbackHTTP(port: port)
        for browser in [first, second] {
            let opened = try browser.get("/__primer/events") { $0.contains("event: state") }
            XCTAssertTrue(opened.contains("text/event-stream") && opened.contains("\"failures\":[]"), opened)
        }

        // A prose edit: the page reloads; nothing runs.
        write(chapter(prose: "Second words.", cell: "print(\"answer\", 6 * 7)"), book + "/01-live.md")
        for browser in [first, second] {
            let events = browser.read(timeout: 10) { $0.contains("event: reload") }
            XCTAssertTrue(events.contains("\"pages\":[") && events.contains("01-live.html"), events)
            XCTAssertFalse(events.contains("event: running"), "a prose edit runs nothing: \(events)")
        }
        XCTAssertTrue(try LoopbackHTTP(port: port).get("/01-live.html").contains("Second words."))

        // A cell edit: the chapter runs (the page hears which cell), then reloads.
        write(chapter(prose: "Second words.", cell: "print(\"answer\", 6 * 8)"), book + "/01-live.md")
        var events = first.read(timeout: 60) { $0.contains("event: reload") }
        XCTAssertTrue(events.contains("event: running\ndata: {\"cell\":1,\"page\":\"01-live.html\"}"), events)
        XCTAssertTrue(try LoopbackHTTP(port: port).get("/01-live.html").contains("answer 48"))

        // A broken cell: the state names the failure at its cell, with file:line.
        write(chapter(prose: "Second words.", cell: "let broken: Int = \"no\""), book + "/01-live.md")
        events = first.read(timeout: 60) { $0.contains("event: reload") }
        XCTAssertTrue(events.contains("\"cell\":1") && events.contains("01-live.md:6:"), events)
        XCTAssertTrue(events.contains("compile error"), events)

        // Fixed: the failure is gone.
        write(chapter(prose: "Second words.", cell: "print(\"fixed\")"), book + "/01-live.md")
        events = first.read(timeout: 60) { $0.contains("event: reload") }
        XCTAssertTrue(events.contains("event: state\ndata: {\"building\":false,\"failures\":[]}"), events)

        // A chapter added to SUMMARY.md is built and served.
        write("# Added\n\nNew chapter.\n", book + "/02-added.md")
        write("# Summary\n\n- [Live](01-live.md)\n- [Added](02-added.md)\n", book + "/SUMMARY.md")
        events = first.read(timeout: 30) { $0.contains("02-added.html") }
        XCTAssertTrue(events.contains("event: reload"), events)
        XCTAssertTrue(try LoopbackHTTP(port: port).get("/02-added.html").contains("New chapter."))

        await session.stop()
        XCTAssertEqual(session.channel.subscriberCount, 0)
    }

    func testTwoEditionsAreServedSideBySideAndReloadTogether() async throws {
        let course = EditionTests.course()
        let root = Paths.absolute(course.root)
        let runner = TestSupport.runner(cache: root + "/cache")
        let options = PreviewSession.Options(books: [root + "/en", root + "/zh"], site: root + "/cache/serve-site", port: 0, jobs: 1)
        let session = try await PreviewSession.start(options, runner: runner) { _ in }
        let port = session.server.port

        let index = try LoopbackHTTP(port: port).get("/index.html")
        XCTAssertTrue(index.contains("href=\"en/index.html\"") && index.contains("href=\"zh/index.html\""), index)
        let chinese = try LoopbackHTTP(port: port).get("/zh/counting.html")
        XCTAssertTrue(chinese.contains("答案是 42。") && chinese.contains("href=\"../en/counting.html\""), chinese)
        XCTAssertTrue(chinese.contains("/__primer/live.js"))

        let browser = try LoopbackHTTP(port: port)
        _ = try browser.get("/__primer/events") { $0.contains("event: state") }

        // The same cell edit in both editions: the program runs once, both pages reload.
        for path in [course.source, course.translated] {
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "print(n + 1)", with: "print(n + 100)")
            write(text, path)
        }
        // JSON writes a slash as \/: read the events with plain slashes.
        func unescaped(_ text: String) -> String { text.replacingOccurrences(of: "\\/", with: "/") }
        var events = unescaped(browser.read(timeout: 60) { unescaped($0).contains("event: reload") && unescaped($0).contains("zh/counting.html") })
        XCTAssertTrue(events.contains("en/counting.html") && events.contains("zh/counting.html"), events)
        // The two saves may make two builds (the first sees the editions differ): wait for the last.
        var served = ""
        for _ in 0..<600 where !served.contains("142") {
            served = try LoopbackHTTP(port: port).get("/zh/counting.html")
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertTrue(served.contains("142") && !served.contains("differs from its source"), served)
        _ = browser.read(timeout: 2) { _ in false }

        // Only the source changes its cell: the translation's page names the difference.
        let source = try String(contentsOfFile: course.source, encoding: .utf8).replacingOccurrences(of: "print(n + 100)", with: "print(n + 7)")
        write(source, course.source)
        events = unescaped(browser.read(timeout: 60) { unescaped($0).contains("\"page\":\"zh/counting.html\"") })
        XCTAssertTrue(events.contains("differs from its source"), events)

        await session.stop()
    }
}
