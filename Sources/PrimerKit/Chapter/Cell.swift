/// One Swift cell of a chapter: a fenced block whose info string starts with `swift`.
public struct Cell: Equatable, Sendable {
    /// Position among the chapter's cells, from 0.
    public var index: Int
    /// The 1-based line of the opening fence in the chapter file.
    public var fenceLine: Int
    /// The 1-based line of the cell's first line of code.
    public var codeLine: Int
    /// The cell's source, as written.
    public var source: String
    public var options: CellOptions
    /// The `output` block right after the cell, if any.
    public var expectedOutput: ExpectedOutput?

    /// Whether the program runs this cell.
    public var runs: Bool { !options.norun }

    /// The lines of the chapter the cell's code spans.
    public var codeLines: ClosedRange<Int> {
        let count = max(1, source.split(separator: "\n", omittingEmptySubsequences: false).count - (source.hasSuffix("\n") ? 1 : 0))
        return codeLine...(codeLine + count - 1)
    }
}

/// A cell's expected output: the `output` fence that follows it.
///
///     ```output tolerance=2%
///     accuracy 0.83
///     ```
public struct ExpectedOutput: Equatable, Sendable {
    public var text: String
    /// The 1-based lines of the fence, from the opening to the closing fence inclusive.
    public var fenceLines: ClosedRange<Int>
    /// The tolerance options after `output` in the info string, if any.
    public var tolerance: StatedTolerance? = nil
}
