/// A whole chapter with its outputs as terminal text (`primer run`).
public struct ChapterTextRenderer {
    public var style: TerminalStyle

    public init(style: TerminalStyle) { self.style = style }

    public func render(_ chapter: Chapter, result: ChapterResult?) -> String {
        let prose = TerminalProse(style: style)
        let cells = TerminalCells(style: style)
        var out: [String] = []
        for part in chapter.resolvingInlineValues(result?.inlineValues ?? [:]).content {
            switch part {
            case .prose(let block):
                out.append(prose.render(block))
            case .cell(let i):
                let cell = chapter.cells[i]
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
