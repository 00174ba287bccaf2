import Foundation
import PrimerKit
@testable import PrimerServe
import XCTest

/// The preview's file watching: what an editor's save looks like to inotify and to polling,
/// and how the debouncer turns a burst into one rebuild.
final class ServeWatcherTests: XCTestCase {
    /// Collects what a watcher (behind a debouncer) delivers.
    final class Deliveries: Sendable {
        private let batches = Locked<[[String]]>([])
        func add(_ paths: [String]) { batches.withLock { $0.append(paths) } }
        var all: [[String]] { batches.withLock { $0 } }

        /// Waits until `predicate` holds for the batches (or 5 s pass).
        func wait(until predicate: ([[String]]) -> Bool) -> Bool {
            let deadline = Date() + 5
            while Date() < deadline {
                if predicate(all) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return predicate(all)
        }
    }

    private func write(_ text: String, _ path: String) {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func watch(_ folder: String, polling: Bool, quiet: TimeInterval = 0.15) throws -> (any FileWatcher, ChangeDebouncer, Deliveries) {
        let deliveries = Deliveries()
        let debouncer = ChangeDebouncer(quiet: quiet) { deliveries.add($0) }
        let watcher: any FileWatcher = polling
            ? PollingWatcher(folders: [folder], interval: 0.05) { debouncer.add($0) }
            : try InotifyWatcher(folders: [folder]) { debouncer.add($0) }
        return (watcher, debouncer, deliveries)
    }

    func testRenameOnSaveIsOneChangeOfTheChapter() throws {
        for polling in [false, true] {
            let folder = Paths.absolute(TestSupport.scratchFolder())
            write("# One\n", folder + "/01.md")
            let (watcher, debouncer, deliveries) = try watch(folder, polling: polling)
            defer { debouncer.stop(); watcher.stop() }
            // What many editors do: write a temporary file beside the chapter, then rename it over.
            write("# One, edited\n", folder + "/.01.md.tmp")
            try FileManager.default.removeItem(atPath: folder + "/01.md")
            XCTAssertEqual(rename(folder + "/.01.md.tmp", folder + "/01.md"), 0)
            XCTAssertTrue(deliveries.wait { $0.joined().contains(folder + "/01.md") }, "polling: \(polling): \(deliveries.all)")
            Thread.sleep(forTimeInterval: 0.3)
            XCTAssertEqual(deliveries.all.count, 1, "one delivery for one save (polling: \(polling)): \(deliveries.all)")
        }
    }

    func testABurstOfSavesIsOneDelivery() throws {
        let folder = Paths.absolute(TestSupport.scratchFolder())
        let (watcher, debouncer, deliveries) = try watch(folder, polling: false, quiet: 0.2)
        defer { debouncer.stop(); watcher.stop() }
        for i in 0..<10 {
            write("# Burst \(i)\n", folder + "/01.md")
            Thread.sleep(forTimeInterval: 0.02)
        }
        write("{\"title\": \"B\"}", folder + "/book.json")
        XCTAssertTrue(deliveries.wait { !$0.isEmpty })
        Thread.sleep(forTimeInterval: 0.4)
        XCTAssertEqual(deliveries.all.count, 1, "\(deliveries.all)")
        XCTAssertEqual(Set(deliveries.all.joined()), [folder + "/01.md", folder + "/book.json"])
    }

    func testDeletionAndRecreationAreReported() throws {
        for polling in [false, true] {
            let folder = Paths.absolute(TestSupport.scratchFolder())
            write("x,y\n1,2\n", folder + "/data.csv")
            let (watcher, debouncer, deliveries) = try watch(folder, polling: polling)
            defer { debouncer.stop(); watcher.stop() }
            try FileManager.default.removeItem(atPath: folder + "/data.csv")
            XCTAssertTrue(deliveries.wait { $0.count == 1 && $0[0] == [folder + "/data.csv"] }, "\(deliveries.all)")
            write("x,y\n3,4\n", folder + "/data.csv")
            XCTAssertTrue(deliveries.wait { $0.count == 2 && $0[1] == [folder + "/data.csv"] }, "\(deliveries.all)")
        }
    }

    func testNewSubfoldersAreWatchedToo() throws {
        let folder = Paths.absolute(TestSupport.scratchFolder())
        let (watcher, debouncer, deliveries) = try watch(folder, polling: false)
        defer { debouncer.stop(); watcher.stop() }
        try FileManager.default.createDirectory(atPath: folder + "/theme", withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.2)
        write("body {}", folder + "/theme/primer.css")
        XCTAssertTrue(deliveries.wait { $0.joined().contains(folder + "/theme/primer.css") }, "\(deliveries.all)")
    }

    func testNothingIsDeliveredAfterStop() throws {
        let folder = Paths.absolute(TestSupport.scratchFolder())
        let (watcher, debouncer, deliveries) = try watch(folder, polling: false)
        write("# a\n", folder + "/a.md")
        debouncer.stop(); watcher.stop()
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(deliveries.all.count, 0)
    }

    func testOnlyTheBooksInputsMatter() {
        let inputs = BookInputs(folder: "/book", chapters: ["/book/01.md"], dataFiles: ["/data/points.csv"])
        XCTAssertTrue(inputs.matters("/book/01.md"))
        XCTAssertTrue(inputs.matters("/book/SUMMARY.md"))
        XCTAssertTrue(inputs.matters("/book/book.json"))
        XCTAssertTrue(inputs.matters("/book/03-new.md"), "a chapter not yet in the book")
        XCTAssertTrue(inputs.matters("/book/theme/primer.css"))
        XCTAssertTrue(inputs.matters("/data/points.csv"))
        XCTAssertFalse(inputs.matters("/book/.01.md.swp"))
        XCTAssertFalse(inputs.matters("/book/01.md~"))
        XCTAssertFalse(inputs.matters("/book/4913"))
        XCTAssertFalse(inputs.matters("/book/.primer-cache/entries/x.json"))
        XCTAssertFalse(inputs.matters("/data/other.csv"))
        XCTAssertEqual(inputs.watchedFolders, ["/book", "/data"])
    }
}
