/// Applies a chapter's expectations to raw run results: `output` blocks are compared with
/// what each cell printed, within the tolerance in force (the block's, else the chapter's, else
/// the book's, else Primer's default: `Tolerance.resolve`). Kept apart from running so that
/// editing an `output` block or a tolerance is re-checked against cached results without
/// running anything.
public enum ExpectationCheck {
    public static func apply(_ chapter: Chapter, to result: ChapterResult) -> ChapterResult {
        var result = result
        for (position, cellResult) in result.cells.enumerated() {
            guard cellResult.status == .passed, cellResult.index < chapter.cells.count,
                  let expected = chapter.cells[cellResult.index].expectedOutput else { continue }
            let actual = cellResult.outputs.printedText
            let tolerance = Tolerance.resolve([expected.tolerance, chapter.tolerance, chapter.bookTolerance])
            if let mismatch = OutputComparison.mismatch(expected: expected.text, actual: actual, tolerance: tolerance) {
                let line = expected.fenceLines.lowerBound + mismatch.line
                result.cells[position].status = .failed(CellFailure(
                    kind: .outputMismatch,
                    message: "the cell's output differs from its `output` block (run `primer check --bless` to accept the new output)",
                    line: line, column: 1,
                    details: ["expected: \(mismatch.expected)", "  actual: \(mismatch.actual)"] + (mismatch.number.map { [$0.description] } ?? [])))
            }
        }
        return result
    }
}
