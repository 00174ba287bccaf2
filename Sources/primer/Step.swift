import ArgumentParser
import Foundation
import PrimerKit
#if canImport(Glibc)
import Glibc
#endif

struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a chapter, or a whole book, in the terminal, cell by cell; edit cells and do exercises.",
        discussion: """
        Keys:
        \(StepKeys.help)

        Your versions of cells are kept in \(LearnerFolder.path)/scratch (set PRIMER_STATE_DIR \
        or XDG_STATE_HOME to move it); the course's files are never changed. Each edit re-runs \
        the chapter up to that cell, replaying the cells before it: a program's state cannot be \
        kept across a recompile. Where you stopped and the exercises you solved are kept in \
        \(LearnerFolder.path)/progress. Without a terminal it runs straight through. Honours \
        NO_COLOR and the terminal's width.
        """)

    @Argument(help: "A chapter (a Markdown file) or a book (a folder of chapters); default: the current folder, when it is a book.")
    var path: String?

    @Flag(help: "Forget where you stopped, the exercises you solved and your versions of cells, then start afresh.")
    var reset = false

    @Option(name: .customLong("cache-dir"), help: "Where Primer keeps its work files.")
    var cacheDirectory = ".primer-cache"

    @Flag(help: "Run the chapter's program in the sandbox (see `primer check --help`; needs bubblewrap).")
    var sandbox = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let target = path ?? "."
        var isDirectory: ObjCBool = false
        let isBook = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue
        if path == nil && !isBook {
            printError("error: give a chapter or a book folder")
            throw ExitCode(2)
        }
        let runner: ChapterRunner
        do { runner = try ChapterRunner(cacheDirectory: cacheDirectory, sandbox: sandbox ? Sandbox.prepare() : nil) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let style = TerminalStyle.detect()
        if isBook {
            let book: Book
            do { book = try Book.load(folder: target) } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            if reset { forget(book.chapters.map(\.path), progressOf: book.folder, strings: language.language(forBookIn: book.folder).strings) }
            if !BookStepper(runner: runner, book: book, style: style, language: language.language(forBookIn: book.folder), interactive: interactive).run() { throw ExitCode(1) }
            return
        }
        let chapter: Chapter
        do { chapter = try Chapter.load(path: target) } catch let error as ChapterError {
            printError(error.description)
            throw ExitCode(2)
        }
        let folder = (target as NSString).deletingLastPathComponent
        let bookFolder = folder.isEmpty ? "." : folder
        if reset { forget([target], progressOf: bookFolder, wholeBook: false, strings: language.language(forBookIn: bookFolder).strings) }
        let stepper = Stepper(runner: runner, chapter: chapter, style: style, language: language.language(forBookIn: bookFolder),
                              interactive: interactive,
                              progress: StepProgress.load(for: bookFolder))
        if !stepper.run().passed && !interactive { throw ExitCode(1) }
    }

    /// `--reset`: the learner's versions of these chapters and their place in the book.
    private func forget(_ chapters: [String], progressOf book: String, wholeBook: Bool = true, strings: any UIStringTable) {
        for path in chapters {
            if let chapter = try? Chapter.load(path: path) { ScratchCopy(of: chapter).removeAll() }
        }
        var progress = StepProgress.load(for: book)
        if wholeBook {
            progress.remove()
        } else {
            for path in chapters { progress.forget(path) }
            try? progress.save()
        }
        print(strings.forgotProgress(in: wholeBook ? book : chapters.joined(separator: ", ")))
    }
}
