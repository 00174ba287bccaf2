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
        var tolerance: StatedTolerance?
        var limits = ResourceLimits()
        var translation: (source: String, line: Int)?
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
                    let tolerance: ToleranceOptions
                    do { tolerance = try ToleranceOptions.parse(Array(words.dropFirst())) } catch {
                        throw ChapterError(path: path, line: line, column: 1, message: "`output` block: " + error.message)
                    }
                    cells[i].expectedOutput = ExpectedOutput(text: code, fenceLines: line...endLine,
                                                             tolerance: words.count > 1 ? StatedTolerance(options: tolerance, source: .block) : nil)
                } else {
                    content.append(.prose(block))
                }
            case .html(let html, let line):
                if let directive = try PrimerDirective.parse(html, path: path, line: line) {
                    switch directive {
                    case .reads(let files): dataFiles += files
                    case .tolerance(let options):
                        if case .chapter(let first)? = tolerance?.source {
                            throw ChapterError(path: path, line: line, message: "a chapter states its tolerance once; it is already stated at line \(first) (state a block's own after `output`: ```output tolerance=2%)")
                        }
                        tolerance = StatedTolerance(options: options, source: .chapter(line: line))
                    case .limits(let stated):
                        limits = stated.filled(from: limits)
                    case .translates(let source):
                        if let first = translation {
                            throw ChapterError(path: path, line: line, message: "a chapter translates one source chapter; it already names one at line \(first.line)")
                        }
                        translation = (source, line)
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
        try ExerciseStructure.validate(cells, path: path)
        let (withValues, inlineValues) = try findInlineValues(in: content, cells: cells, lines: lines)
        let fallbackTitle = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var chapter = Chapter(path: path, source: source, title: title ?? fallbackTitle, content: withValues,
                              cells: cells, dataFiles: dataFiles)
        chapter.inlineValues = inlineValues
        chapter.tolerance = tolerance
        chapter.limits = limits
        chapter.translation = translation.map { Chapter.TranslationSource(path: Paths.lexicallyJoined(folder: (path as NSString).deletingLastPathComponent, $0.source), written: $0.source, line: $0.line) }
        chapter.formulaProblems = MathProtection.problems(in: protected).map { .init(line: $0.line, message: $0.message) }
        return chapter
    }

    /// Turns inline code that starts with `{swift}` into inline values, each located in the
    /// file and tied to the cell above it.
    private func findInlineValues(in content: [Chapter.Part], cells: [Cell], lines: [String]) throws -> ([Chapter.Part], [InlineValue]) {
        var locator = InlineValueLocator(lines: lines)
        var values: [InlineValue] = []
        var cellAbove: Int?
        var problem: ChapterError?
        let parts = content.map { part -> Chapter.Part in
            switch part {
            case .cell(let i):
                cellAbove = i
                locator.skip(toLine: (cells[i].expectedOutput?.fenceLines.upperBound ?? cells[i].codeLines.upperBound + 1) + 1)
                return part
            case .prose(let block):
                if let line = block.firstLine { locator.skip(toLine: line) }
                return .prose(block.mapInlines { inline in
                    guard case .code(let code) = inline else { return inline }
                    if let literal = InlineValue.unescaped(code: code) { return .code(literal) }
                    guard let expression = InlineValue.expression(inCode: code) else { return inline }
                    let (line, column) = locator.next() ?? (block.firstLine ?? 1, 1)
                    if expression.isEmpty, problem == nil {
                        problem = ChapterError(path: path, line: line, column: column,
                                               message: "`{swift}` needs an expression after it, e.g. `{swift} fixed(loss, 3)`")
                    }
                    values.append(InlineValue(index: values.count, expression: expression, line: line, column: column,
                                              afterCell: cellAbove))
                    return .value(values.count - 1)
                })
            }
        }
        if let problem { throw problem }
        return (parts, values)
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

/// Instructions to Primer in a chapter:
///
///     <!-- primer: reads data/x.csv data/y.csv -->   files the cells read
///     <!-- primer: tolerance=2% abs=0.01 -->         the tolerance of the chapter's `output` blocks
///     <!-- primer: memory=2GB cpu=300 processes=64 -->  the resource limits of the chapter's cells
///     <!-- primer: translates ../Chapters/03-x.md -->  the chapter translates that one (an edition)
enum PrimerDirective: Equatable {
    case reads([String])
    case tolerance(ToleranceOptions)
    case limits(ResourceLimits)
    case translates(String)

    static func parse(_ html: String, path: String, line: Int) throws -> PrimerDirective? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let body = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("primer:") else { return nil }
        let words = body.dropFirst("primer:".count).split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.first {
        case "reads" where words.count > 1: return .reads(Array(words.dropFirst()))
        case "translates" where words.count == 2: return .translates(words[1])
        case "translates":
            throw ChapterError(path: path, line: line, message: "`primer: translates` takes the path of the source chapter, relative to this file, e.g. `<!-- primer: translates ../Chapters/03-two-workflows.md -->`")
        case let first? where ToleranceOptions.keys.contains(where: first.hasPrefix):
            do { return .tolerance(try ToleranceOptions.parse(words)) } catch {
                throw ChapterError(path: path, line: line, message: "tolerance directive: " + error.message)
            }
        case let first? where ResourceLimits.keys.contains(where: { first.hasPrefix($0 + "=") }):
            do { return .limits(try ResourceLimits.parse(words)) } catch {
                throw ChapterError(path: path, line: line, message: "limits directive: " + error.message)
            }
        default:
            throw ChapterError(path: path, line: line, message: "unknown Primer directive `\(body)`; known: `primer: reads FILE…` (files the cells read, so the cache notices when they change), `primer: tolerance=2% abs=0.01 integers=1%` (the tolerance of the chapter's output blocks), `primer: memory=2GB cpu=300 processes=64` (the chapter's resource limits), `primer: translates ../Chapters/FILE.md` (the chapter this one translates)")
        }
    }
}

extension Block {
    /// The 1-based line the block starts on, when cmark told it.
    var firstLine: Int? {
        switch self {
        case .paragraph(_, let line), .heading(_, _, let line), .codeBlock(_, _, let line, _), .html(_, let line),
             .table(_, let line), .displayMath(_, let line): return line
        case .blockQuote(let blocks): return blocks.first?.firstLine
        case .list(_, let items): return items.first?.first?.firstLine
        case .thematicBreak: return nil
        }
    }
}
