import Foundation

/// Checks that a translated chapter shares its source's program: the same cells, byte for
/// byte and in the same order, with the same `output` blocks, the same inline-value
/// expressions and the same directives. Only then may its results come from the source's run.
///
///     try CellIdentity.verify(translation: zh, source: en)
///     // Chapters-zh/03.md:41: cell 4 differs from its source at Chapters/03.md:38 …
enum CellIdentity {
    static func verify(translation: Chapter, source: Chapter) throws {
        let ours = translation.source.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = source.source.split(separator: "\n", omittingEmptySubsequences: false)
        func text(_ lines: [Substring], _ range: ClosedRange<Int>) -> [Substring] {
            Array(lines[max(0, range.lowerBound - 1)..<min(lines.count, range.upperBound)])
        }
        func fail(_ line: Int, _ message: String) -> ChapterError {
            ChapterError(path: translation.path, line: line, message: message)
        }
        let fix = "a translation's cells are the source's, byte for byte and in the same order: copy the source's block here"
        for (index, sourceCell) in source.cells.enumerated() {
            guard index < translation.cells.count else {
                throw fail(translation.cells.last.map { $0.codeLines.upperBound + 1 } ?? translation.translation?.line ?? 1,
                           "the translation has \(translation.cells.count) cells, its source \(source.path) has \(source.cells.count): the source's cell \(index + 1) at \(source.path):\(sourceCell.fenceLine) is missing; \(fix)")
            }
            let cell = translation.cells[index]
            if text(ours, cell.fenceLine...(cell.codeLines.upperBound + 1)) != text(theirs, sourceCell.fenceLine...(sourceCell.codeLines.upperBound + 1)) {
                throw fail(cell.fenceLine, "cell \(index + 1) differs from its source at \(source.path):\(sourceCell.fenceLine); \(fix)")
            }
            let output = cell.expectedOutput.map { text(ours, $0.fenceLines) }
            let sourceOutput = sourceCell.expectedOutput.map { text(theirs, $0.fenceLines) }
            if output != sourceOutput {
                let line = cell.expectedOutput?.fenceLines.lowerBound ?? cell.codeLines.upperBound + 1
                let there = sourceCell.expectedOutput.map { "\(source.path):\($0.fenceLines.lowerBound)" } ?? "\(source.path):\(sourceCell.codeLines.upperBound + 1) (none there)"
                throw fail(line, "the `output` block of cell \(index + 1) differs from its source at \(there); \(fix)")
            }
        }
        if translation.cells.count > source.cells.count {
            let extra = translation.cells[source.cells.count]
            throw fail(extra.fenceLine, "the translation has \(translation.cells.count) cells, its source \(source.path) has \(source.cells.count): this cell is not in the source; remove it, or add it to the source first")
        }
        for (index, value) in source.inlineValues.enumerated() {
            guard index < translation.inlineValues.count else {
                throw fail(translation.translation?.line ?? 1, "the source's inline value `{swift} \(value.expression)` at \(source.path):\(value.line):\(value.column) is missing from the translation; inline values are copied as they are, in the same order")
            }
            let ours = translation.inlineValues[index]
            if ours.expression != value.expression || ours.afterCell != value.afterCell {
                throw ChapterError(path: translation.path, line: ours.line, column: ours.column,
                                   message: "this inline value differs from its source's `{swift} \(value.expression)` at \(source.path):\(value.line):\(value.column) (an expression and the cell it follows are the same in every edition); copy it as it is")
            }
        }
        if translation.inlineValues.count > source.inlineValues.count {
            let extra = translation.inlineValues[source.inlineValues.count]
            throw ChapterError(path: translation.path, line: extra.line, column: extra.column,
                               message: "this inline value is not in the source \(source.path); a translation shows the source's values only")
        }
        if translation.dataFiles != source.dataFiles || translation.tolerance?.options != source.tolerance?.options || translation.limits != source.limits {
            throw fail(translation.translation?.line ?? 1, "the translation's `primer:` directives (reads, tolerance, limits) differ from its source \(source.path)'s; copy them as they are")
        }
    }
}
