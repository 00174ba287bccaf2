import Foundation
import Testing
@testable import PrimerKit

/// Resource limits per cell (`memory=`, `cpu=`) and per chapter (`<!-- primer: memory=… -->`):
/// going over one is reported at the cell's line as what it is, and stops the program with
/// everything it started; the cells before it keep their results.
@Suite struct SandboxLimitsTests {
    @Test func aCellOverItsMemoryLimitIsReportedAsSuch() throws {
        let result = try TestSupport.run(TestSupport.chapter("""
        ```swift
        print("small")
        ```

        ```swift memory=64MB
        let big = [UInt8](repeating: 1, count: 512 << 20)
        Thread.sleep(forTimeInterval: 5)
        print(big.count)
        ```
        """))
        #expect(result.cell(0).stdout == "small\n")
        let failure = try #require(result.cell(1).failure, "\(result)")
        #expect(failure.kind == .resourceLimit)
        #expect(failure.line == 5)
        #expect(failure.message.hasPrefix("the cell used more than 64 MB of memory"), "\(failure.message)")
    }

    @Test func theChaptersLimitIsEnforcedByTheKernelToo() throws {
        // The backstop (twice the limit) refuses one huge allocation before any watch could see it.
        let result = try TestSupport.run(TestSupport.chapter("""
        <!-- primer: memory=64MB -->

        ```swift
        let huge = [UInt8](repeating: 1, count: 1 << 30)
        print(huge.count)
        ```
        """))
        let failure = try #require(result.cell(0).failure, "\(result)")
        #expect(failure.kind == .resourceLimit)
        #expect(failure.message.hasPrefix("the cell used more than 64 MB of memory"), "\(failure.message)")
    }

    @Test func aCellOverItsCPUTimeIsReportedAsSuch() throws {
        let result = try TestSupport.run(TestSupport.chapter("""
        ```swift cpu=1
        var x = 0.0
        let start = Date()
        while Date().timeIntervalSince(start) < 20 { x += 1 }
        print(x)
        ```
        """))
        let failure = try #require(result.cell(0).failure, "\(result)")
        #expect(failure.kind == .resourceLimit)
        #expect(failure.message.hasPrefix("the cell used more than 1 s of CPU time"), "\(failure.message)")
        #expect(result.cell(0).seconds < 19)   // stopped long before its 20 s loop ended (on a busy machine 1 CPU-second takes longer)
    }

    @Test func limitsParseFromCellsAndDirectives() throws {
        let chapter = try Chapter.parse(Data("""
        <!-- primer: memory=1GB cpu=30 processes=64 -->

        ```swift memory=512MB
        ```

        ```swift cpu=2.5
        ```
        """.utf8), path: "limits.md")
        #expect(chapter.limits == ResourceLimits(memoryBytes: 1 << 30, cpuSeconds: 30, processes: 64))
        #expect(chapter.limits(of: chapter.cells[0]) == ResourceLimits(memoryBytes: 512 << 20, cpuSeconds: 30, processes: 64))
        #expect(chapter.limits(of: chapter.cells[1]) == ResourceLimits(memoryBytes: 1 << 30, cpuSeconds: 2.5, processes: 64))
        #expect(chapter.programBackstop == ResourceLimits(memoryBytes: 2 << 30, cpuSeconds: 92.5, processes: 64))
        #expect(throws: ChapterError.self) { try Chapter.parse(Data("<!-- primer: memory=lots -->\n".utf8), path: "x.md") }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["memory=2"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["cpu=0"]) }
        #expect(try ResourceLimits.memory("1.5GB") == 3 << 29)
        #expect(ResourceLimits.describeMemory(2 << 30) == "2 GB")
        #expect(ResourceLimits.describeMemory(512 << 20) == "512 MB")
    }

    @Test func processTreeUsageReadsStatLines() throws {
        let stat = try #require(ProcessTreeUsage.parse("42 (a (b) c) S 7 42 42 0 -1 4194304 1 0 0 0 150 50 3 2 20 0 1 0 100 1000000 250 18446744073709551615"))
        #expect(stat == ProcessTreeUsage.Stat(parent: 7, cpuTicks: 205, residentPages: 250))
        let mine = ProcessTreeUsage.sample(root: getpid())
        #expect(mine.processes >= 1 && mine.residentBytes > 0)
    }
}
