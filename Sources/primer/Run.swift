import ArgumentParser
import Foundation
import PrimerKit

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every cell of a chapter and print the chapter with its outputs.")

    @Argument(help: "The chapter (a Markdown file).")
    var file: String

    @OptionGroup var cache: CacheOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let chapter: Chapter
        do { chapter = try Chapter.load(path: file) } catch let error as ChapterError {
            printError(error.description)
            throw ExitCode(2)
        }
        let runner = try cache.makeRunner()
        let result = runner.run(chapter, useCache: !cache.noCache).result
        let style = TerminalStyle.detect()
        print(ChapterTextRenderer(style: style, language: language.language(forBookIn: (file as NSString).deletingLastPathComponent)).render(chapter, result: result))
        for warning in result.warnings { printError(style.yellow(warning)) }
        if !result.passed { throw ExitCode(1) }
    }
}
