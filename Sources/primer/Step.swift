import ArgumentParser
import Foundation
import PrimerKit
#if canImport(Glibc)
import Glibc
#endif

struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a chapter in the terminal, cell by cell.",
        discussion: "Enter runs the next cell, c runs the rest without pausing, q quits. Without a terminal it runs straight through. Honours NO_COLOR and the terminal's width.")

    @Argument(help: "The chapter (a Markdown file).")
    var file: String

    @Option(name: .customLong("cache-dir"), help: "Where Primer keeps its work files.")
    var cacheDirectory = ".primer-cache"

    @Flag(help: "Run the chapter's program in the sandbox (see `primer check --help`; needs bubblewrap).")
    var sandbox = false

    func run() throws {
        let chapter: Chapter
        do { chapter = try Chapter.load(path: file) } catch let error as ChapterError {
            printError(error.description)
            throw ExitCode(2)
        }
        let runner: ChapterRunner
        do { runner = try ChapterRunner(cacheDirectory: cacheDirectory, sandbox: sandbox ? Sandbox.prepare() : nil) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let result = Stepper(runner: runner, chapter: chapter, style: TerminalStyle.detect(), interactive: interactive).run()
        if !result.passed { throw ExitCode(1) }
    }
}
