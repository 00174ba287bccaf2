import Foundation
import Testing
@testable import PrimerKit

/// One table of cell options: every use of an option comes from its row, so adding an option
/// means adding the row (with its field), implementing it, and documenting it.
@Suite struct CellOptionTableTests {
    @Test(arguments: CellOptions.table.map(\.name)) func everyOptionRoundTrips(name: String) throws {
        let option = try #require(CellOptions.table.first { $0.name == name })
        let parsed = try CellOptions.parse([Substring(option.exampleWord)])
        #expect(parsed != CellOptions(), "`\(option.exampleWord)` changed nothing")
        // Shown as a tag exactly when the table says so.
        #expect(parsed.tags.contains(option.exampleWord) == option.tagged, "tags: \(parsed.tags)")
        // In the cache key exactly when it changes the run.
        #expect((parsed.cacheKeyFragment != CellOptions().cacheKeyFragment) == option.affectsRun)
        // Named in the message for an unknown option.
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["no-such-option"]) }
        do { _ = try CellOptions.parse(["no-such-option"]) } catch { #expect(error.message.contains(option.usage)) }
    }

    @Test func theReadmeTableIsTheTable() throws {
        let root = TestSupport.runner.toolchain.packageRoot
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        #expect(readme.contains(CellOptions.markdownTable + "\n"),
                "README.md's option table differs from CellOptions.table; paste CellOptions.markdownTable:\n\(CellOptions.markdownTable)")
    }

    @Test func malformedValuesAndFlagsWithValuesAreRefused() throws {
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["timeout=-1"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["timeout"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["hide=yes"]) }
        #expect(throws: CellOptions.OptionError.self) { try CellOptions.parse(["norun", "expect-error"]) }
        #expect(try CellOptions.parse(["timeout=2.5"]).tags == ["timeout=2.5"])
    }
}
