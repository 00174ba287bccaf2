import Foundation
import Testing
@testable import PrimerFigures

/// Every figure kind, rendered plain, in colour, narrow and as SVG, against committed golden
/// files (`PRIMER_BLESS=1 swift test --filter PrimerFiguresTests` rewrites them).
@Suite struct GoldenTests {
    static let names = SampleFigures.all.map(\.name)

    private func figure(_ name: String) -> Figure { SampleFigures.all.first { $0.name == name }!.figure }

    @Test(arguments: names) func plainText(name: String) throws {
        try expectGolden(figure(name).renderText(width: 80, color: false), named: "\(name).txt")
    }

    @Test(arguments: names) func colorText(name: String) throws {
        try expectGolden(figure(name).renderText(width: 80, color: true), named: "\(name).ansi")
    }

    @Test(arguments: names) func narrowText(name: String) throws {
        try expectGolden(figure(name).renderText(width: 40, color: false), named: "\(name).narrow.txt")
    }

    @Test(arguments: names) func svg(name: String) throws {
        let markup = figure(name).renderSVG()
        #expect(xmlError(markup) == nil)
        try expectGolden(markup, named: "\(name).svg")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PRIMER_BLESS"] != "1", "golden files are being rewritten"))
    func goldenSVGFilesAreWellFormedXML() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
        #expect(files.count >= SampleFigures.all.count)
        for file in files {
            let markup = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(xmlError(markup) == nil, "\(file) is not well-formed XML")
        }
    }
}
