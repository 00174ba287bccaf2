/// A whole chapter with its outputs as terminal text (`primer run`).
public struct ChapterTextRenderer {
    public var style: TerminalStyle
    /// The language of Primer's own words around the chapter.
    public var language: UILanguage

    public init(style: TerminalStyle, language: UILanguage = .en) { self.style = style; self.language = language }

    public func render(_ chapter: Chapter, result: ChapterResult?) -> String {
        let prose = TerminalProse(style: style)
        let cells = TerminalCells(style: style, language: language)
        var out: [String] = []
        for part in chapter.resolvingInlineValues(result?.inlineValues ?? [:]).content {
            switch part {
            case .prose(let block):
                out.append(prose.render(block))
            case .cell(let i):
                let cell = chapter.cells[i]
                if cell.options.hiddenFromLearner {
                    // An exercise's solution and check are for `primer step` (s shows the solution).
                    if case .failed(let f)? = result?.cells.first(where: { $0.index == i })?.status {
                        out.append(cells.failure(f, chapterPath: chapter.path))
                    } else if cell.options.solution {
                        // The solution follows its exercise, so its 0-based index is the exercise's 1-based number.
                        out.append(style.dim("── solution of cell \(i) hidden: `primer step \(chapter.path)`, then s, shows it ──"))
                    }
                    continue
                }
                out.append(cells.source(cell, chapterPath: chapter.path))
                if let cellResult = result?.cells.first(where: { $0.index == i }) {
                    let text = cells.outputs(cellResult.outputs)
                    if !text.isEmpty { out.append(style.dim("── output ──") + "\n" + text) }
                    if let status = cells.status(cellResult, chapterPath: chapter.path) { out.append(status) }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }
}
