import Foundation
import Testing
@testable import PrimerKit

/// End-to-end: real chapters compiled with swiftc against the release engines and run.
@Suite struct ExecutionTests {
    @Test func stateCarriesAcrossCellsAndStreamsAreAttributed() throws {
        let path = TestSupport.copyFixture("state-and-streams.md")
        let result = try TestSupport.run(path)
        #expect(result.passed, "\(result)")
        #expect(result.cell(0).stdout == "hello 1\n")
        #expect(result.cell(1).stdout == "HELLO 2\nloss 0.3127\n")
        #expect(result.cell(1).stderr == "warning from cell 2\n")
        #expect(result.cell(0).stderr.isEmpty)
        #expect(result.cell(2).status == .skipped)
        #expect(result.cell(3).stdout == "hidden source, visible output\n")
    }

    @Test func compileErrorIsReportedAtItsLine() throws {
        let path = TestSupport.copyFixture("compile-error.md")
        let result = try TestSupport.run(path)
        #expect(!result.passed)
        let failure = try #require(result.cell(1).failure)
        #expect(failure.kind == .compileError)
        #expect(failure.line == 10 && failure.column == 20)
        #expect(failure.message.contains("undefinedName"))
        #expect(result.cell(0).status == .notRun("the chapter did not compile (error at line 10)"))
        #expect(result.cell(2).status == .notRun("the chapter did not compile (error at line 10)"))
    }

    @Test func trapIsReportedWhereItHappenedAndWhereItWasCalled() throws {
        let path = TestSupport.copyFixture("trap.md")
        let result = try TestSupport.run(path)
        let failure = try #require(result.cell(2).failure)
        #expect(failure.kind == .runtimeError)
        #expect(failure.message == "Index out of range")
        #expect(failure.line == 6)   // values[i], inside the function of cell 1
        #expect(failure.details.contains { $0.contains("trap.md:16:") })   // the call in cell 3, line 16
        #expect(result.cell(1).stdout == "before the trap\n")
        #expect(result.cell(2).stdout == "2\n")   // output before the trap is kept
        if case .notRun = result.cell(3).status {} else { Issue.record("cell after the trap ran: \(result.cell(3))") }
    }

    @Test func hangingCellIsStoppedAtItsTimeout() throws {
        let path = TestSupport.copyFixture("timeout.md")
        let start = Date()
        let result = try TestSupport.run(path)
        let failure = try #require(result.cell(1).failure)
        #expect(failure.kind == .timeout)
        #expect(failure.line == 7)
        #expect(result.cell(0).stdout == "first\n")
        if case .notRun = result.cell(2).status {} else { Issue.record("cell after the hang ran") }
        #expect(Date().timeIntervalSince(start) < 60)   // a sanity bound, not a timing assertion
    }

    @Test func recordsCannotBeForged() throws {
        let path = TestSupport.copyFixture("forgery.md")
        let result = try TestSupport.run(path)
        #expect(result.passed)
        #expect(result.cell(0).stdout.contains("primer:00000000000000000000000000000000:B:5"))
        #expect(result.cell(0).stdout.hasSuffix("plain after\n"))
        #expect(!result.cell(0).outputs.contains { if case .rich = $0 { return true } else { return false } })
        #expect(result.cell(1).stdout == "second cell\n")
    }

    @Test func hugeOutputIsTruncatedWithANote() throws {
        let path = TestSupport.copyFixture("huge-output.md")
        let result = try TestSupport.run(path)
        #expect(result.passed)
        let kept = result.cell(0).stdout.utf8.count
        #expect(kept <= 1 << 20)
        #expect(result.cell(0).outputs.contains { if case .note(let n) = $0 { return n.contains("truncated") } else { return false } })
        #expect(result.cell(1).stdout == "next cell still runs\n")
    }

    @Test func expectedErrorsAtCompileAndRunTime() throws {
        let path = TestSupport.copyFixture("expect-error.md")
        let result = try TestSupport.run(path)
        #expect(result.passed, "\(result)")
        guard case .failedAsExpected(let compile) = result.cell(1).status else { Issue.record("\(result.cell(1))"); return }
        #expect(compile.kind == .compileError && compile.line == 9)
        guard case .failedAsExpected(let trap) = result.cell(2).status else { Issue.record("\(result.cell(2))"); return }
        #expect(trap.kind == .runtimeError && trap.line == 15)
        // The program ran again without the failing cell; its effects are gone.
        #expect(result.cell(3).stdout == "1 cells later run\n")
    }

    @Test func expectErrorCellThatSucceedsFails() throws {
        let result = try TestSupport.run(TestSupport.copyFixture("unexpected-success.md"))
        #expect(!result.passed)
        #expect(result.cell(0).failure?.kind == .unexpectedSuccess)
    }

    @Test func outputMismatchIsFoundAndBlessed() throws {
        let path = TestSupport.copyFixture("mismatch.md")
        let chapter = try Chapter.load(path: path)
        let result = TestSupport.runner.run(chapter, useCache: false).result
        let failure = try #require(result.cell(0).failure)
        #expect(failure.kind == .outputMismatch && failure.line == 9)
        #expect(failure.details.prefix(2) == ["expected: accuracy 0.87", "  actual: accuracy 0.91"])
        #expect(failure.details.last?.hasPrefix("expected 0.87, got 0.91: off by 0.04 (4.4 %)") == true)
        #expect(result.cell(1).status == .passed)

        #expect(try Blesser.bless(chapter, result: result) == 1)
        let blessed = try Chapter.load(path: path)
        #expect(blessed.cells[0].expectedOutput?.text == "accuracy 0.91\nepoch 3\n")
        #expect(blessed.source.contains("```output\nsteady\n```"))
        #expect(TestSupport.runner.run(blessed, useCache: false).result.passed)
    }

    @Test func richOutputsArriveInOrderWithPrints() throws {
        let result = try TestSupport.run(TestSupport.copyFixture("rich.md"))
        let kinds = result.cell(0).outputs.map { item -> String in
            switch item {
            case .stdout(let s): return "out:" + s
            case .rich(.math): return "math"
            case .rich(.progress): return "progress"
            case .rich(.figure): return "figure"
            case .rich(.text): return "text"
            case .rich(.unknown(let kind, _)): return "unknown " + kind
            default: return "other"
            }
        }
        #expect(kinds.first == "out:before\n")
        #expect(kinds.last == "out:after\n")
        #expect(kinds.contains("math"))
        #expect(kinds.firstIndex(of: "math")! < kinds.firstIndex(of: "progress")!)
    }
}
