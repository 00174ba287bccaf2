import Foundation

/// Turns a chapter's text into a `Chapter`: cmark parses the prose, then this walks the
/// top-level blocks to find cells (fences whose info string starts with `swift`), their
/// `output` blocks and the `<!-- primer: … -->` directives.
struct ChapterParser {
    let path: String
    let source: String

    func parse() throws -> Chapter {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let protected = MathProtection.protect(source)
        let blocks = CommonMarkParser.parse(protected.text).map { MathProtection.restore($0, from: protected) }
        var content: [Chapter.Part] = []
        var cells: [Cell] = []
        var dataFiles: [String] = []
        var title: String?

        for block in blocks {
            switch block {
            case .codeBlock(let info, let code, let line, let endLine):
                try checkClosed(fenceAt: line, endLine: endLine, lines: lines)
                let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
                let language = words.first.map(String.init) ?? ""
                if language == "swift" {
                    let options: CellOptions
                    do { options = try CellOptions.parse(Array(words.dropFirst())) } catch {
                        throw ChapterError(path: path, line: line, column: 1, message: error.message)
                    }
                    cells.append(Cell(index: cells.count, fenceLine: line, codeLine: line + 1, source: code,
                                      options: options, expectedOutput: nil))
                    content.append(.cell(cells.count - 1))
                } else if language == "output" {
                    guard case .cell(let i)? = content.last, cells[i].expectedOutput == nil else {
                        throw ChapterError(path: path, line: line, message: "an `output` block must come right after a `swift` cell; it holds that cell's expected output")
                    }
                    if cells[i].options.norun {
                        throw ChapterError(path: path, line: line, message: "this `output` block follows a `norun` cell, which never runs; remove the block or the option")
                    }
                    cells[i].expectedOutput = ExpectedOutput(text: code, fenceLines: line...endLine)
                } else {
                    content.append(.prose(block))
                }
            case .html(let html, let line):
                if let directive = try PrimerDirective.parse(html, path: path, line: line) {
                    switch directive {
                    case .reads(let files): dataFiles += files
                    }
                } else {
                    content.append(.prose(block))
                }
            case .heading(_, let inlines, _):
                if title == nil { title = inlines.plainText }
                content.append(.prose(block))
            case .paragraph(let inlines, let line):
                content.append(.prose(PipeTable.parse(inlines, line: line) ?? block))
            default:
                content.append(.prose(block))
            }
        }
        let fallbackTitle = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var chapter = Chapter(path: path, source: source, title: title ?? fallbackTitle, content: content,
                              cells: cells, dataFiles: dataFiles)
        chapter.formulaProblems = MathProtection.problems(in: protected).map { .init(line: $0.line, message: $0.message) }
        return chapter
    }

    /// cmark lets a fence without its closing line run to the end of the file; a chapter
    /// that does so has lost its prose, so it is an error here.
    private func checkClosed(fenceAt line: Int, endLine: Int, lines: [String]) throws {
        guard line >= 1, line <= lines.count else { return }
        let opening = lines[line - 1].drop(while: { $0 == " " })
        guard let fenceChar = opening.first, fenceChar == "`" || fenceChar == "~" else { return } // indented code
        let fenceLength = opening.prefix(while: { $0 == fenceChar }).count
        let last = endLine >= 1 && endLine <= lines.count ? lines[endLine - 1].trimmingCharacters(in: .whitespaces) : ""
        let closes = endLine > line && last.count >= fenceLength && last.allSatisfy { $0 == fenceChar }
        if !closes {
            throw ChapterError(path: path, line: line, message: "this code fence is never closed; add a line of \(String(repeating: fenceChar, count: fenceLength)) after its last line")
        }
    }
}

/// `<!-- primer: reads data/x.csv data/y.csv -->`: instructions to Primer in a chapter.
enum PrimerDirective: Equatable {
    case reads([String])

    static func parse(_ html: String, path: String, line: Int) throws -> PrimerDirective? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let body = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("primer:") else { return nil }
        let words = body.dropFirst("primer:".count).split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.first {
        case "reads" where words.count > 1: return .reads(Array(words.dropFirst()))
        default:
            throw ChapterError(path: path, line: line, message: "unknown Primer directive `\(body)`; known: `primer: reads FILE…` (files the cells read, so the cache notices when they change)")
        }
    }
}
