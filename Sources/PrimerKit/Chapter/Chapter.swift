import Foundation

/// A parsed chapter: prose blocks and Swift cells in reading order.
///
///     let chapter = try Chapter.load(path: "Chapters/01-two-stacks.md")
///     for cell in chapter.cells where cell.runs { … }
public struct Chapter: Equatable, Sendable {
    /// The path as the user gave it; diagnostics and `#sourceLocation` use it verbatim.
    public var path: String
    public var source: String
    /// The first heading's text, or the file name without extension.
    public var title: String
    public var content: [Part]
    public var cells: [Cell]
    /// Files the chapter's cells read (declared with `<!-- primer: reads PATH -->`), relative
    /// to the chapter's folder; their contents are part of the cache key.
    public var dataFiles: [String]
    /// The chapter's `<!-- primer: tolerance=… -->`, for the `output` blocks that state none.
    public var tolerance: StatedTolerance?
    /// The `"tolerance"` of the `book.json` beside the chapter (read by `load`).
    public var bookTolerance: StatedTolerance?
    /// The chapter's `<!-- primer: memory=… cpu=… processes=… -->`: what its cells may use
    /// (a cell's own `memory=`/`cpu=` wins; what neither states is `ResourceLimits.defaults`).
    public var limits = ResourceLimits()
    /// Whether the `book.json` beside the chapter says `"sandbox": true` (read by `load`):
    /// then the chapter runs in the sandbox whatever the command line says.
    public var bookRequiresSandbox = false
    /// Formulas that cannot be typeset, with their lines: warnings, errors under `check --strict`.
    public var formulaProblems: [FormulaProblem] = []
    /// The `` `{swift} expression` `` values in the prose, in reading order.
    public var inlineValues: [InlineValue] = []
    /// Which version of its exercises the chapter's program runs (solutions for CI, the
    /// learner's code under `step`).
    public var exerciseRun: ExerciseRun = .verifySolutions
    /// The chapter this one translates (`<!-- primer: translates ../Chapters/03-x.md -->`):
    /// then its cells are the source's, and its results come from the source's run.
    public var translation: TranslationSource?

    /// Where a translated chapter's source is: a path usable from the current directory, and
    /// the line of the directive that names it.
    public struct TranslationSource: Equatable, Sendable {
        public var path: String
        /// The path as the directive writes it, relative to the translated chapter's folder.
        public var written: String
        public var line: Int
    }

    public struct FormulaProblem: Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// One piece of a chapter in reading order.
    public enum Part: Equatable, Sendable {
        case prose(Block)
        /// The cell with this index in `cells`.
        case cell(Int)
    }

    /// Chapters larger than this are refused with a message instead of being parsed.
    public static let maximumSize = 16 << 20
}

extension Chapter {
    /// Reads and parses the chapter at `path`.
    public static func load(path: String) throws -> Chapter {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ChapterError(path: path, line: 1, message: "no such file; check the path (chapters live in Chapters/ and are listed in Chapters/SUMMARY.md)")
        }
        if isDirectory.boolValue {
            throw ChapterError(path: path, line: 1, message: "is a directory, not a chapter; give a Markdown file, or use `primer check \(path)` to run every chapter in it")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ChapterError(path: path, line: 1, message: "cannot read the file: \(error.localizedDescription)")
        }
        var chapter = try parse(data, path: path)
        chapter.bookTolerance = try Book.tolerance(forChapterAt: path)
        chapter.bookRequiresSandbox = try Book.requiresSandbox(forChapterAt: path)
        return chapter
    }

    /// Parses chapter bytes; `path` is used for messages and titles.
    public static func parse(_ data: Data, path: String) throws -> Chapter {
        if data.count > maximumSize {
            throw ChapterError(path: path, line: 1, message: "the file is \(data.count >> 20) MB; chapters larger than \(maximumSize >> 20) MB are not supported — split it into several chapters")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(in: data)
            throw ChapterError(path: path, line: line, column: column, message: "the file is not valid UTF-8 here; save it as UTF-8")
        }
        return try ChapterParser(path: path, source: text).parse()
    }

    /// The 1-based line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0x0A { line += 1; column = 1 } else { column += scalar.count }
            case .error:
                return (line, column)
            case .emptyInput:
                return (line, column)
            }
        }
    }
}

extension Chapter {
    /// The absolute path of the chapter's folder: where its program runs and where its
    /// declared data files are found.
    ///
    ///     try Chapter.parse(data, path: "book/ch.md").folder   // "/home/me/course/book"
    public var folder: String {
        let directory = (path as NSString).deletingLastPathComponent
        return Paths.absolute(directory.isEmpty ? "." : directory)
    }
}

extension Chapter {
    /// The chapter with each inline value replaced by its computed text; a value that was not
    /// computed (the chapter failed before it) shows its expression as code.
    ///
    ///     chapter.resolvingInlineValues(result.inlineValues)   // `.value(0)` → `.text("82.3 %")`
    public func resolvingInlineValues(_ values: [Int: String]) -> Chapter {
        guard !inlineValues.isEmpty else { return self }
        var resolved = self
        resolved.content = content.map { part in
            guard case .prose(let block) = part else { return part }
            return .prose(block.mapInlineLists { inlines in
                // A value's text joins the text around it, so "(`{swift} n`)" reads "(42)".
                var merged: [Inline] = []
                for inline in inlines {
                    var item = inline
                    if case .value(let i) = inline { item = values[i].map(Inline.text) ?? .code(inlineValues[i].expression) }
                    if case .text(let next) = item, case .text(let previous)? = merged.last {
                        merged[merged.count - 1] = .text(previous + next)
                    } else {
                        merged.append(item)
                    }
                }
                return merged
            })
        }
        return resolved
    }
}
