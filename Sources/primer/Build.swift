import ArgumentParser
import PrimerKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run what the cache does not hold and write the static HTML course.")

    @Argument(help: "The book folder.")
    var book: String = "Chapters"

    @Option(help: "Where to write the site.")
    var out: String = "_site"

    @OptionGroup var cache: CacheOptions

    func run() throws {
        throw ValidationError("build is not implemented yet")
    }
}
