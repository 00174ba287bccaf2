import ArgumentParser
import Foundation
import PrimerKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new book: SUMMARY.md, book.json, a first chapter and a CI workflow.",
        discussion: "The first chapter has cells and output blocks and passes `primer check` as written. The workflow (.github/workflows/primer.yml) checks the book in shards and publishes its site from the main branch; see README.md, \"CI for your book\". Nothing that exists is overwritten.")

    @Argument(help: "The folder of the new book (created if needed).")
    var folder: String = "."

    @OptionGroup var language: LanguageOption

    func run() throws {
        let written: [String]
        do { written = try BookTemplate.write(into: folder) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let strings = language.language(forBookIn: folder).strings
        for path in written { print(strings.wroteFile(path)) }
        print("")
        strings.initNextSteps(folder: folder).forEach { print($0) }
    }
}
