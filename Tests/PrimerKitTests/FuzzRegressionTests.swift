import Foundation
import Testing
@testable import PrimerKit

/// Every input the fuzzers (`scripts/fuzz.sh`) ever found a crash, hang or sanitizer report
/// with, kept in `Fixtures/fuzz/TARGET/` after the fix, and the seeds in `Fuzz/corpus/TARGET/`:
/// each must go through its `FuzzTarget` without crashing, in well under a second.
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: FuzzTarget) -> [String] {
        let folders = [TestSupport.fixtures + "/fuzz/" + target.rawValue,
                       TestSupport.runner.toolchain.packageRoot + "/Fuzz/corpus/" + target.rawValue]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
        }
    }

    @Test(arguments: FuzzTarget.allCases) func everyKeptInputPasses(target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no seeds for \(target)")
        for path in inputs {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let start = Date()
            target.exercise(data)
            #expect(Date().timeIntervalSince(start) < 5, "\(path) took too long")
        }
    }
}
