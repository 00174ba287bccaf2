// The libFuzzer entry point for every `FuzzTarget`; `scripts/fuzz.sh TARGET RUNS` builds it
// with `-sanitize=fuzzer,address` and runs it with PRIMER_FUZZ_TARGET=TARGET.
import Foundation
@testable import PrimerKit

/// The target named by `PRIMER_FUZZ_TARGET`, read once.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PRIMER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("set PRIMER_FUZZ_TARGET to one of: " + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    selectedTarget.exercise(Data(bytes: bytes, count: count))
    return 0
}
