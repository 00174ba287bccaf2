import Foundation
import Testing
@testable import PrimerKit
#if canImport(Glibc)
import Glibc
#endif

/// The execution core: what every command observes, the process-group guarantee, and the
/// folder a chapter runs in.
@Suite struct RunnerCoreTests {
    /// Records every event of a run.
    final class Recorder: RunObserver {
        var events: [RunEvent] = []
        func observe(_ event: RunEvent) { events.append(event) }

        /// `began 0`, `out 0: hi`, `ended 0`, … in the order they arrived.
        var trace: [String] {
            events.compactMap { event in
                switch event {
                case .cellBegan(let i): return "began \(i)"
                case .cellEnded(let i): return "ended \(i)"
                case .output(let i, .stdout(let s)): return "out \(i): \(s.trimmingCharacters(in: .newlines))"
                case .output(let i, .stderr(let s)): return "err \(i): \(s.trimmingCharacters(in: .newlines))"
                case .failedAsExpected(let cell): return "failed as expected \(cell.index)"
                case .finished: return "finished"
                default: return nil
                }
            }
        }
    }

    /// A cell that starts a background process and returns: the chapter must end within its
    /// timeout plus a few seconds, and nothing of its process group may remain.
    @Test(arguments: ["", " timeout=5"]) func backgroundProcessDoesNotOutliveItsChapter(option: String) throws {
        let folder = TestSupport.scratchFolder("background")
        let pidFile = folder + "/sleeper.pid"
        let path = TestSupport.chapter("""
        # Background

        ```swift\(option)
        import Glibc
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("986"), nil]
        precondition(posix_spawn(&pid, "/bin/sleep", nil, nil, argv, environ) == 0)
        try! String(pid).write(toFile: "\(pidFile)", atomically: true, encoding: .utf8)
        print("started", pid > 0)
        ```

        ```swift
        print("after")
        ```
        """, function: "background\(option.isEmpty ? "" : "-timeout")")
        let start = Date()
        let result = try TestSupport.run(path)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.passed, "\(result)")
        #expect(result.cell(0).stdout == "started true\n")
        #expect(result.cell(1).stdout == "after\n")
        #expect(elapsed < 60, "the run took \(elapsed) s")
        let sleeper = pid_t(try String(contentsOfFile: pidFile, encoding: .utf8))!
        // Killed and reaped by now (its parent is gone, so init reaps it): give it a moment.
        var alive = true
        for _ in 0..<50 where alive {
            alive = kill(sleeper, 0) == 0 && !Self.isZombie(sleeper)
            if alive { usleep(100_000) }
        }
        #expect(!alive, "the background process \(sleeper) outlived its chapter")
    }

    /// A cell that hangs with a child holding the pipes is stopped at its timeout, with its child.
    @Test func timeoutKillsTheCellsChildrenToo() throws {
        let path = TestSupport.chapter("""
        ```swift timeout=2
        import Glibc
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("987"), nil]
        precondition(posix_spawn(&pid, "/bin/sleep", nil, nil, argv, environ) == 0)
        print(pid)
        sleep(600)
        ```
        """)
        let start = Date()
        let result = try TestSupport.run(path)
        #expect(Date().timeIntervalSince(start) < 30)
        guard case .failed(let failure) = result.cell(0).status else { Issue.record("not failed: \(result)"); return }
        #expect(failure.kind == .timeout)
        let sleeper = pid_t(result.cell(0).stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
        usleep(300_000)
        #expect(kill(sleeper, 0) != 0 || Self.isZombie(sleeper))
    }

    static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] == "Z"
    }

    /// Cells run in their chapter's folder, whatever folder Primer was started from.
    @Test func dataFilesAreRelativeToTheChapter() throws {
        let book = TestSupport.scratchFolder("book") + "/book"
        try FileManager.default.createDirectory(atPath: book + "/data", withIntermediateDirectories: true)
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: book + "/data/m.csv"))
        try Data("""
        <!-- primer: reads data/m.csv -->

        ```swift
        let text = try! String(contentsOfFile: "data/m.csv", encoding: .utf8)
        print(text.split(separator: "\\n").count, "lines")
        ```
        """.utf8).write(to: URL(fileURLWithPath: book + "/ch.md"))
        let parent = (book as NSString).deletingLastPathComponent
        let run = try TestSupport.primer(["run", "book/ch.md", "--no-cache", "--cache-dir", parent + "/cache"], in: parent)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("2 lines"))
        // And from somewhere else entirely, by absolute path.
        let elsewhere = TestSupport.scratchFolder("elsewhere")
        let again = try TestSupport.primer(["run", book + "/ch.md", "--no-cache", "--cache-dir", elsewhere + "/cache"], in: elsewhere)
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output.contains("2 lines"))
    }

    /// Every command sees the same typed events, one cell at a time, then the result.
    @Test func observersSeeCellsInOrder() throws {
        let path = TestSupport.chapter("""
        ```swift
        print("one")
        FileHandle.standardError.write(Data("warn\\n".utf8))
        ```

        ```swift expect-error
        let xs = [1]
        print(xs[3])
        ```

        ```swift
        print("two")
        ```
        """)
        let recorder = Recorder()
        let result = TestSupport.runner.run(try Chapter.load(path: path), useCache: false, observer: recorder).result
        #expect(result.passed)
        // (Within a cell, stdout and stderr keep the order they arrived in, which is not fixed.)
        let trace = recorder.trace.filter { !$0.hasPrefix("err ") }
        #expect(trace == ["began 0", "out 0: one", "ended 0", "began 1",
                          "failed as expected 1", "began 2", "out 2: two", "ended 2", "finished"])
        let warning = try #require(recorder.trace.firstIndex(of: "err 0: warn"))
        #expect(warning > recorder.trace.firstIndex(of: "began 0")! && warning < recorder.trace.firstIndex(of: "ended 0")!)
        guard case .compiling = recorder.events.first else { Issue.record("first event: \(recorder.events)"); return }
    }

    /// A gate paces the cells: stopping at the second leaves it and the rest not run, and the
    /// result is not cached.
    @Test func gateStopsTheRun() throws {
        final class StopAtSecond: CellGate {
            var asked: [Int] = []
            func permit(_ cell: Int) -> CellPermission {
                asked.append(cell)
                return cell == 0 ? .run : .stop
            }
        }
        let path = TestSupport.chapter("""
        ```swift
        print("first")
        ```

        ```swift
        print("second")
        ```

        ```swift
        print("third")
        ```
        """)
        let gate = StopAtSecond()
        let cache = TestSupport.scratchFolder("gatecache")
        let runner = TestSupport.runner(cache: cache)
        let chapter = try Chapter.load(path: path)
        let result = runner.run(chapter, gate: gate).result
        #expect(gate.asked == [0, 1])
        #expect(result.cell(0).stdout == "first\n")
        #expect(result.cell(1).status == .notRun("stopped before this cell"))
        #expect(result.cell(2).status == .notRun("stopped before this cell"))
        #expect(runner.run(chapter).explanation.hasPrefix("ran:"), "a gated run must not be cached")
    }

    /// Typed rich outputs survive the cache; an unknown kind is kept, not dropped.
    @Test func richOutputsRoundTripThroughTheCache() throws {
        let items: [CellOutput] = [
            .rich(.math("x^2")), .rich(.text("model")),
            .rich(.progress(.init(task: "t", completed: 1, total: 2))),
            .rich(.figure(.bar(.init(title: "b", labels: ["a"], values: [1])))),
            .rich(.unknown(kind: "hologram", payload: Data([1, 2, 3]))),
        ]
        let data = try JSONEncoder().encode(items)
        #expect(try JSONDecoder().decode([CellOutput].self, from: data) == items)
        #expect(RichOutput(kind: "hologram", payload: Data([1])) == .unknown(kind: "hologram", payload: Data([1])))
        #expect(RichOutput(kind: "figure", payload: Data("not json".utf8)) == .unknown(kind: "figure", payload: Data("not json".utf8)))
    }
}

/// The event ordering that keeps each cell's events together.
@Suite struct EventOrderingTests {
    @Test func laterCellsWaitForTheCurrentOne() {
        var ordering = EventOrdering()
        var seen: [String] = []
        func feed(_ event: ProgramEvent) {
            ordering.accept(event) { e in
                switch e {
                case .cellBegan(let i): seen.append("B\(i)")
                case .output(let i, _): seen.append("O\(i)")
                case .cellEnded(let i): seen.append("E\(i)")
                case .inlineValue(_, let index, _): seen.append("V\(index)")
                }
            }
        }
        feed(.cellBegan(0)); feed(.output(0, .stdout("a")))
        feed(.cellBegan(1)); feed(.output(1, .stdout("b")))   // stdout ran ahead of stderr
        feed(.output(0, .stderr("late")))
        feed(.cellEnded(0)); feed(.cellEnded(1))
        #expect(seen == ["B0", "O0", "O0", "E0", "B1", "O1", "E1"])
    }
}
