import Foundation

/// `primer check --bless`: rewrites each mismatching `output` block in the chapter file to
/// what the cell printed, keeping everything else byte for byte (the block's info string and its
/// tolerance options included, and its `…` lines when the output has as many lines). The file
/// is replaced atomically.
public enum Blesser {
    /// Returns how many blocks were rewritten.
    public struct ChangedWhileRunning: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path) changed while its cells ran; its output blocks were not rewritten (run `primer check --bless` again)"
        }
    }

    @discardableResult
    public static func bless(_ chapter: Chapter, result: ChapterResult) throws -> Int {
        var lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edits: [(ClosedRange<Int>, [String])] = []
        for cellResult in result.cells {
            guard case .failed(let failure) = cellResult.status, failure.kind == .outputMismatch,
                  let expected = chapter.cells[cellResult.index].expectedOutput else { continue }
            var actual = OutputComparison.normalizedLines(cellResult.outputs.printedText)
            // `…` lines stay where they were when the output keeps its shape.
            let previous = OutputComparison.normalizedLines(expected.text)
            if previous.count == actual.count {
                for i in previous.indices where previous[i] == OutputComparison.anyLine { actual[i] = OutputComparison.anyLine }
            }
            let opening = lines[expected.fenceLines.lowerBound - 1]
            let indent = String(opening.prefix(while: { $0 == " " }))
            let fenceChar: Character = opening.dropFirst(indent.count).first ?? "`"
            var fenceLength = opening.dropFirst(indent.count).prefix(while: { $0 == fenceChar }).count
            // A longer fence when the output itself contains a fence-like line.
            let longestRun = actual.map { $0.drop(while: { $0 == " " }).prefix(while: { $0 == fenceChar }).count }.max() ?? 0
            fenceLength = max(fenceLength, longestRun + 1, 3)
            let fence = indent + String(repeating: fenceChar, count: fenceLength)
            // The info string as written (`output tolerance=2%`): blessing keeps the block's options.
            let info = opening.dropFirst(indent.count).drop(while: { $0 == fenceChar }).trimmingCharacters(in: .whitespaces)
            edits.append((expected.fenceLines, [fence + info] + actual.map { $0.isEmpty ? $0 : indent + $0 } + [fence]))
        }
        for (range, replacement) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            lines.replaceSubrange((range.lowerBound - 1)...(range.upperBound - 1), with: replacement)
        }
        if !edits.isEmpty {
            // Never overwrite an edit the author made while the chapter ran.
            let current = FileManager.default.contents(atPath: chapter.path).map { String(decoding: $0, as: UTF8.self) }
            guard current == chapter.source else { throw ChangedWhileRunning(path: chapter.path) }
            try AtomicFile.write(Data(lines.joined(separator: "\n").utf8), to: chapter.path)
        }
        return edits.count
    }
}
