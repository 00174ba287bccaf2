import Foundation
import PrimerKit
@testable import PrimerServe
import XCTest

/// Paths outside the served site are refused, in every spelling.
final class ServePathTests: XCTestCase {
    /// A site folder with a page and an asset, a secret beside it and a symbolic link out.
    private func makeSite() -> (site: String, secret: String) {
        let root = Paths.absolute(TestSupport.scratchFolder())
        let site = root + "/site"
        try! FileManager.default.createDirectory(atPath: site + "/assets", withIntermediateDirectories: true)
        try! Data("<html><body><p>page</p></body></html>".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
        try! Data("<html><body><p>two</p></body></html>".utf8).write(to: URL(fileURLWithPath: site + "/02-next.html"))
        try! Data("body{}".utf8).write(to: URL(fileURLWithPath: site + "/assets/primer.css"))
        try! Data("SECRET".utf8).write(to: URL(fileURLWithPath: root + "/secret.txt"))
        try! FileManager.default.createSymbolicLink(atPath: site + "/out.txt", withDestinationPath: root + "/secret.txt")
        try! FileManager.default.createSymbolicLink(atPath: site + "/outside", withDestinationPath: root)
        return (site, root + "/secret.txt")
    }

    func testSiteFilesResolve() {
        let (site, _) = makeSite()
        let paths = SitePath(root: site)
        XCTAssertEqual(paths.resolve("/"), .file(paths.root + "/index.html"))
        XCTAssertEqual(paths.resolve("/02-next.html"), .file(paths.root + "/02-next.html"))
        XCTAssertEqual(paths.resolve("/02-next.html?t=1"), .file(paths.root + "/02-next.html"))
        XCTAssertEqual(paths.resolve("/assets/primer.css"), .file(paths.root + "/assets/primer.css"))
        XCTAssertEqual(paths.resolve("/%30%32-next.html"), .file(paths.root + "/02-next.html"), "encoded letters are fine")
        XCTAssertEqual(paths.resolve("/missing.html"), .notFound)
    }

    func testEscapesAreRefused() {
        let (site, _) = makeSite()
        let paths = SitePath(root: site)
        for target in ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                       "/.%2e/secret.txt", "/..%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt", "/%2fetc/passwd",
                       "//etc/passwd", "/%2Fetc%2Fpasswd", "etc/passwd", "/..\\secret.txt", "/a%00.html",
                       "/out.txt", "/outside/secret.txt", "/%", "/.hidden"] {
            XCTAssertEqual(paths.resolve(target), .refused, target)
        }
    }

    func testTheServerRefusesEscapesAndServesPagesWithTheLiveScript() async throws {
        let (site, _) = makeSite()
        let channel = LiveChannel()
        let server = try await PreviewServer.start(site: site, channel: channel, host: "127.0.0.1", port: 0)
        defer { Task { await server.stop() } }
        let page = try LoopbackHTTP(port: server.port).get("/")
        XCTAssertEqual(LoopbackHTTP.status(page), 200, page)
        XCTAssertTrue(page.contains("<p>page</p>\n<script src=\"/__primer/live.js\"></script>\n</body>") || page.contains("<p>page</p><script src=\"/__primer/live.js\"></script>\n</body>"), page)
        let script = try LoopbackHTTP(port: server.port).get("/__primer/live.js")
        XCTAssertTrue(script.contains("EventSource"), script)
        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2fetc%2fpasswd", "/out.txt", "/outside/secret.txt"] {
            let answer = try LoopbackHTTP(port: server.port).get(target)
            XCTAssertTrue([403, 404, 400].contains(LoopbackHTTP.status(answer)), "\(target): \(answer)")
            XCTAssertFalse(answer.contains("SECRET"), target)
            XCTAssertFalse(answer.contains("root:"), target)
        }
        await server.stop()
    }

    func testABusyPortIsAClearErrorNotAnotherPort() async throws {
        let (site, _) = makeSite()
        let first = try await PreviewServer.start(site: site, channel: LiveChannel(), host: "127.0.0.1", port: 0)
        do {
            let second = try await PreviewServer.start(site: site, channel: LiveChannel(), host: "127.0.0.1", port: first.port)
            await second.stop()
            XCTFail("a second server took port \(first.port)")
        } catch {
            XCTAssertTrue("\(error)".contains("port \(first.port) on 127.0.0.1 is in use"), "\(error)")
        }
        await first.stop()
    }
}
