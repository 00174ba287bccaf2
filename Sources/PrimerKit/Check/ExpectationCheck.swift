/// Applies a chapter's expectations to raw run results: `output` blocks are compared with
/// what each cell printed. Kept apart from running so that editing an `output` block is
/// re-checked against cached results without running anything.
public enum ExpectationCheck {
    public static func apply(_ chapter: Chapter, to result: ChapterResult) -> ChapterResult {
        var result = result
        for (position, cellResult) in result.cells.enumerated() {
            guard cellResult.status == .passed, cellResult.index < chapter.cells.count,
                  let expected = chapter.cells[cellResult.index].expectedOutput else { continue }
            let actual = cellResult.outputs.printedText
            if let mismatch = OutputComparison.mismatch(expected: expected.text, actual: actual) {
                let line = expected.fenceLines.lowerBound + mismatch.line
                result.cells[position].status = .failed(CellFailure(
                    kind: .outputMismatch,
                    message: "the cell's output differs from its `output` block (run `primer check --bless` to accept the new output)",
                    line: line, column: 1,
                    details: ["expected: \(mismatch.expected)", "  actual: \(mismatch.actual)"]))
            }
        }
        return result
    }
}
