import ArgumentParser
import Foundation
import PrimerKit

/// `primer edition`: the translator's tools for a book that translates another.
struct EditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition",
        abstract: "Tools for an edition: a book that translates another (book.json \"translationOf\").",
        subcommands: [Stamp.self])

    struct Stamp: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the edition's translations are up to date with their sources.",
            discussion: "Writes BOOK/translation-sync.json: for each translated chapter (or only the CHAPTERs named), the hashes of its source's paragraphs as they are now. `primer check` then warns about every translated paragraph whose source paragraph changes later. Run it after bringing a translation up to date; it refuses a translation whose cells differ from its source's.")

        @Argument(help: "The edition's folder, e.g. Chapters-zh.")
        var book: String

        @Argument(help: "Only these chapters of the edition (file names or paths); default: all.")
        var chapters: [String] = []

        func run() throws {
            do {
                let stamped = try TranslationSync.stamp(edition: book, chapters: chapters)
                print("stamped \(stamped.count) translated chapter\(stamped.count == 1 ? "" : "s") in \(book)/\(TranslationSync.fileName)")
            } catch {
                printError("error: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
