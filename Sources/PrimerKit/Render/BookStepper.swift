import Foundation

/// `primer step BOOK`: a book as the learner's unit. It shows the table of contents with where
/// the learner stopped in each chapter and how many exercises they solved, resumes the chapter
/// they were in, and goes on to the next when one is done. Without a terminal it steps through
/// every chapter straight.
///
///     let passed = BookStepper(runner: runner, book: book, style: .detect(), interactive: true).run()
public final class BookStepper {
    let runner: ChapterRunner
    let book: Book
    let style: TerminalStyle
    let language: UILanguage
    var strings: any UIStringTable { language.strings }
    let interactive: Bool
    let keys: KeyInput?
    let write: (String) -> Void
    var progress: StepProgress

    public init(runner: ChapterRunner, book: Book, style: TerminalStyle, language: UILanguage = .en, interactive: Bool,
                write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.runner = runner
        self.book = book
        self.style = style
        self.language = language
        self.interactive = interactive
        self.keys = interactive ? KeyInput() : nil
        self.write = write
        progress = StepProgress.load(for: book.folder)
    }

    /// Steps through the book; false when a chapter failed (an author's error, not a learner's).
    public func run() -> Bool {
        guard keys != nil else {
            return book.chapters.allSatisfy { step($0.path, interactive: false) != .failed }
        }
        var choice = resumeChoice()
        while true {
            showContents(highlighting: choice)
            write(style.dim(strings.bookPrompt(next: title(choice))))
            guard let picked = readChoice(default: choice) else { write("\n"); return true }
            write("\n")
            switch step(book.chapters[picked].path, interactive: true) {
            case .quit: return true
            case .failed, .done:
                guard picked + 1 < book.chapters.count else {
                    write(style.green(strings.reachedEnd(book: book.metadata.title)) + "\n")
                    return true
                }
                choice = picked + 1
            }
        }
    }

    enum Ending { case done, quit, failed }

    private func step(_ path: String, interactive: Bool) -> Ending {
        let chapter: Chapter
        do { chapter = try Chapter.load(path: path) } catch {
            write(style.red("\(error)") + "\n")
            return .failed
        }
        let stepper = Stepper(runner: runner, chapter: chapter, style: style, language: language, interactive: interactive,
                              progress: progress, write: write)
        let result = stepper.run()
        progress = stepper.progress ?? progress
        if stepper.quit { return .quit }
        return result.passed ? .done : .failed
    }

    /// The chapter the learner was in last, or the first one they have not finished.
    private func resumeChoice() -> Int {
        if let last = progress.lastChapter, let i = book.chapters.firstIndex(where: { StepProgress.key($0.path) == last }),
           !progress.state(of: last).finished { return i }
        return book.chapters.firstIndex { !progress.state(of: $0.path).finished } ?? 0
    }

    private func title(_ index: Int) -> String {
        let entry = book.chapters[index]
        return entry.summaryTitle ?? ((entry.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private func showContents(highlighting choice: Int) {
        write(style.bold(book.metadata.title) + "\n\n")
        for (i, entry) in book.chapters.enumerated() {
            let state = progress.state(of: entry.path)
            let exercises = ((try? Chapter.load(path: entry.path))?.exercises.count) ?? 0
            var notes: [String] = []
            if state.finished { notes.append(strings.text(.chapterDone)) } else if state.cell > 0 { notes.append(strings.stoppedAtCell(state.cell + 1)) }
            if exercises > 0 { notes.append(strings.exercisesSolved(state.solved.count, of: exercises)) }
            let marker = i == choice ? "▶" : " "
            let line = "\(marker) \(String(i + 1).leftPadded(to: 2)). \(title(i))" + (notes.isEmpty ? "" : "  " + style.dim("(" + notes.joined(separator: ", ") + ")"))
            write(line + "\n")
        }
        write("\n")
    }

    /// A chapter number typed by the learner (Enter alone: `choice`); nil to quit.
    private func readChoice(default choice: Int) -> Int? {
        while true {
            guard let key = keys?.readKey() else { return nil }
            switch key {
            case "\n": return choice
            case "q", "Q": return nil
            default:
                guard key.isASCII, key.isNumber else { continue }
                write(String(key))
                let rest = keys?.readNumber(echo: write)
                let number = Int(String(key) + (rest.map(String.init) ?? "")) ?? 0
                if (1...book.chapters.count).contains(number) { return number - 1 }
                write("\n" + style.yellow(strings.chapterRange(count: book.chapters.count)) + " ")
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
