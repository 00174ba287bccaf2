import Foundation
@testable import PrimerKit
import XCTest

/// `primer init`, `primer --version`, the top-level help and `primer serve` as a process.
final class ServeCommandTests: XCTestCase {
    func testInitWritesABookThatPassesCheck() throws {
        let folder = TestSupport.scratchFolder() + "/course"
        let (status, output) = try TestSupport.primer(["init", folder], in: NSTemporaryDirectory())
        XCTAssertEqual(status, 0, output)
        for file in ["SUMMARY.md", "book.json", "01-first-steps.md", ".gitignore", ".github/workflows/primer.yml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/" + file), file)
        }
        let workflow = try String(contentsOfFile: folder + "/.github/workflows/primer.yml", encoding: .utf8)
        for part in ["--shard ${{ matrix.shard }}/$SHARDS", "actions/cache@v4", ".primer-cache", ".build-engines",
                     "--junit", "upload-artifact", "refs/heads/main", "deploy-pages"] {
            XCTAssertTrue(workflow.contains(part), part)
        }
        let (checked, report) = try TestSupport.primer(["check", folder, "--cache-dir", folder + "/.primer-cache"], in: folder)
        XCTAssertEqual(checked, 0, report)
        XCTAssertTrue(report.contains("chapters: 1 passed, 0 failed"), report)
        // A second init in the same folder overwrites nothing.
        let (again, refusal) = try TestSupport.primer(["init", folder], in: folder)
        XCTAssertEqual(again, 2)
        XCTAssertTrue(refusal.contains("overwrites nothing"), refusal)
    }

    func testVersionAndHelp() throws {
        let (status, output) = try TestSupport.primer(["--version"], in: NSTemporaryDirectory())
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasPrefix("primer \(PrimerVersion.current)\n"), output)
        XCTAssertTrue(output.contains("Swift version") || output.contains("swift"), output)
        let (_, help) = try TestSupport.primer(["--help"], in: NSTemporaryDirectory())
        // The overview is whole sentences, wrapped by the help printer, never broken by hand mid-sentence.
        XCTAssertFalse(help.contains("`swift` are\ncells"), help)
        for command in ["serve", "init", "check", "build"] { XCTAssertTrue(help.contains("  \(command) "), command) }
    }

    func testBrokenLinksFailCheckAtTheirPlace() throws {
        let folder = TestSupport.scratchFolder()
        try Data("# Links\n\nSee [gone](gone.md) and [here](#links).\n".utf8).write(to: URL(fileURLWithPath: folder + "/links.md"))
        let (status, output) = try TestSupport.primer(["check", "links.md", "--cache-dir", folder + "/cache"], in: folder)
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("links.md:3:12: error: broken link: gone.md does not exist"), output)
        XCTAssertTrue(output.contains("chapters: 0 passed, 1 failed"), output)
    }

    func testServeRefusesABusyPortAndCtrlCKillsTheRunningChapter() throws {
        let root = TestSupport.scratchFolder()
        try FileManager.default.createDirectory(atPath: root + "/book", withIntermediateDirectories: true)
        // A chapter that is still running when Ctrl-C comes; it says where its process is.
        let cell = "try! String(getpid()).write(toFile: \"pid.txt\", atomically: true, encoding: .utf8)\nThread.sleep(forTimeInterval: 60)"
        try Data("# Slow\n\n```swift\n\(cell)\n```\n".utf8).write(to: URL(fileURLWithPath: root + "/book/01.md"))
        let port = 4000 + Int.random(in: 100...900)
        let first = try Spawn.start(TestSupport.primerExecutable, ["serve", "book", "--port", "\(port)", "--cache-dir", root + "/c1"],
                                    environment: TestSupport.primerEnvironment(), directory: root, descriptors: [1: nil, 2: nil])
        defer { kill(first, SIGKILL); _ = Spawn.wait(first) }
        // The server listens before its first build, so a second one hears at once that the port is taken.
        var cellPID: pid_t?
        for _ in 0..<600 where cellPID == nil {
            cellPID = (try? String(contentsOfFile: root + "/book/pid.txt", encoding: .utf8)).flatMap { pid_t($0) }
            if cellPID == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let pid = try XCTUnwrap(cellPID, "the chapter never started")
        let second = try TestSupport.primer(["serve", "book", "--port", "\(port)", "--cache-dir", root + "/c2"], in: root)
        XCTAssertEqual(second.status, 2, second.output)
        XCTAssertTrue(second.output.contains("port \(port) on 127.0.0.1 is in use"), second.output)
        // Ctrl-C: serve ends as the signal says, the chapter's process is gone, and nothing was cached for it.
        kill(first, SIGINT)
        XCTAssertEqual(Spawn.wait(first).shellStatus, 130)
        var gone = false
        for _ in 0..<50 where !gone {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            gone = state == nil || state == "Z"
            if !gone { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(gone, "the running chapter's process \(pid) outlived serve")
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: root + "/c1/results")) ?? []
        XCTAssertEqual(cached, [], "a killed run is not stored")
    }
}
