import Foundation
import Testing

/// Compares rendered output with a committed golden file in `Golden/`, or rewrites the file
/// when the environment variable `PRIMER_BLESS=1` is set.
///
///     try expectGolden(chart.renderSVG(), named: "line.svg")
func expectGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation,
                  filePath: String = #filePath) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PRIMER_BLESS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
        return
    }
    // The source folder is read first so a fresh bless is seen without rebuilding; the
    // copy in the test bundle serves when the sources are not where they were compiled.
    let bundled = Bundle.module.resourceURL?.appendingPathComponent("Golden").appendingPathComponent(name)
    guard let expected = (try? String(contentsOf: file, encoding: .utf8))
            ?? bundled.flatMap({ try? String(contentsOf: $0, encoding: .utf8) }) else {
        Issue.record("missing golden file \(name); run with PRIMER_BLESS=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual + "\n" == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}
