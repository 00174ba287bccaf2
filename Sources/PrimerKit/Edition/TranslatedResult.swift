import Foundation

/// A source chapter's result, as the translation that shares its cells reports it: the same
/// cells, outputs and inline values, with every place moved to the translation's own lines.
///
///     let zh = TranslatedResult.map(enResult, from: en, to: zhChapter)
///     zh.failures.first?.failure.line   // the line of the failing cell in the Chinese file
enum TranslatedResult {
    static func map(_ result: ChapterResult, from source: Chapter, to translation: Chapter) -> ChapterResult {
        var mapped = result
        mapped.path = translation.path
        // Nothing ran for the translation: it is served from its source's run.
        mapped.fromCache = true
        let lines = LineMap(source: source, translation: translation)
        mapped.cells = result.cells.map { cell in
            var cell = cell
            switch cell.status {
            case .failed(let failure): cell.status = .failed(lines.move(failure))
            case .failedAsExpected(let failure): cell.status = .failedAsExpected(lines.move(failure))
            default: break
            }
            return cell
        }
        mapped.warnings = result.warnings.map { $0.replacingOccurrences(of: source.path + ":", with: translation.path + ":") }
        if let error = result.chapterError {
            mapped.chapterError = ChapterError(path: translation.path, line: translation.translation?.line ?? 1,
                                               message: "its source \(source.path) has an error at line \(error.line): \(error.message)")
        }
        return mapped
    }

    /// Moves a place in the source to the same place in the translation: a cell's lines (fence,
    /// code, `output` block) keep their offset from the cell's fence; an inline value's place
    /// is the translated value's.
    struct LineMap {
        var source: Chapter
        var translation: Chapter

        func move(_ failure: CellFailure) -> CellFailure {
            var failure = failure
            (failure.line, failure.column) = move(line: failure.line, column: failure.column)
            return failure
        }

        func move(line: Int, column: Int) -> (Int, Int) {
            for (value, translated) in zip(source.inlineValues, translation.inlineValues) where value.line == line {
                return (translated.line, column - value.column + translated.column)
            }
            for (cell, translated) in zip(source.cells, translation.cells) {
                let end = cell.expectedOutput?.fenceLines.upperBound ?? cell.codeLines.upperBound + 1
                if (cell.fenceLine...end).contains(line) { return (line - cell.fenceLine + translated.fenceLine, column) }
            }
            return (translation.translation?.line ?? 1, 1)
        }
    }
}
