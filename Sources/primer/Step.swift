import ArgumentParser
import PrimerKit

struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a chapter in the terminal, cell by cell.",
        discussion: "Enter runs the next cell, c runs the rest without pausing, q quits. Without a terminal it runs straight through.")

    @Argument(help: "The chapter (a Markdown file).")
    var file: String

    @OptionGroup var cache: CacheOptions

    func run() throws {
        throw ValidationError("step is not implemented yet")
    }
}
