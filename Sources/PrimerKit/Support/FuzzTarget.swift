import Foundation
import PrimerFigures
import PrimerMath
import PrimerWire

/// Every parser that reads untrusted text, one entry point each: the libFuzzer harness
/// (`Fuzz/Harness.swift`, run by `scripts/fuzz.sh TARGET RUNS`) and the regression tests
/// (`FuzzRegressionTests`, over `Tests/PrimerKitTests/Fixtures/fuzz/TARGET/`) call the same code.
/// An input must never crash, hang or trip a sanitizer; errors thrown for bad input are fine.
///
///     FuzzTarget.math.exercise(Data("\\frac{1}{".utf8))   // throws inside, returns normally
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// cmark and Primer's chapter model: cells, options, `output` blocks, directives, inline values.
    case chapter
    /// A cell's info string, an `output` block's tolerance words and a `<!-- primer: … -->` directive.
    case options
    /// The `$…$` scanner, then the LaTeX parser and both renderers on each formula found.
    case math
    /// The Mermaid flowchart parser, and the diagram's text and SVG renderers.
    case mermaid
    /// The in-band record decoder, fed in chunks whose sizes the input's first byte chooses.
    case wire
    /// The expected-output comparator: `TOLERANCE WORDS \n EXPECTED \0 ACTUAL`.
    case comparison

    public func exercise(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .chapter:
            if let chapter = try? Chapter.parse(data, path: "fuzz.md") {
                _ = ProgramGenerator.generate(chapter, excluding: [])
                _ = chapter.resolvingInlineValues([:])
            }
        case .options:
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            _ = try? CellOptions.parse(words)
            _ = try? ToleranceOptions.parse(words)
            _ = try? ResourceLimits.parse(words.map(String.init))
            _ = try? PrimerDirective.parse("<!-- primer: " + text + " -->", path: "fuzz.md", line: 1)
        case .math:
            let protected = MathScanner.protect(text)
            _ = protected.split(protected.text)
            for formula in protected.formulas.prefix(16) {
                _ = try? LaTeX.toMathML(formula.latex, display: formula.display)
                _ = try? LaTeX.toUnicode(formula.latex)
            }
            _ = try? LaTeX.toMathML(text, display: true)
            _ = try? LaTeX.toUnicode(text)
        case .mermaid:
            if let diagram = try? Diagram(mermaid: text, title: "fuzz") {
                _ = Figure.diagram(diagram).renderText(width: 80, color: false)
                _ = Figure.diagram(diagram).renderSVG(embedStylesheet: false)
            }
        case .wire:
            let token = "0123456789abcdef0123456789abcdef"
            var decoder = WireDecoder(token: token, maxRecordBytes: 1 << 16)
            let step = max(1, Int(data.first ?? 1))
            var offset = data.startIndex
            while offset < data.endIndex {
                let end = min(offset + step, data.endIndex)
                _ = decoder.feed(data[offset..<end])
                offset = end
            }
            _ = decoder.finish()
        case .comparison:
            let (head, rest) = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                .splitFirst()
            let halves = rest.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
            let tolerance = (try? ToleranceOptions.parse(head.split(separator: " ")))
                .map { Tolerance.resolve([StatedTolerance(options: $0, source: .block)]) } ?? .builtIn
            let expected = halves.first.map(String.init) ?? "", actual = halves.count > 1 ? String(halves[1]) : ""
            if let mismatch = OutputComparison.mismatch(expected: expected, actual: actual, tolerance: tolerance) {
                _ = "\(mismatch)"
            }
        }
    }
}

private extension Array where Element == Substring {
    /// The first element and the rest joined back: `("line 1", "line 2\nline 3")`.
    func splitFirst() -> (Substring, Substring) {
        (first ?? "", count > 1 ? self[1] : "")
    }
}
