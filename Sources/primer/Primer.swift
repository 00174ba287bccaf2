import ArgumentParser
import PrimerKit

/// `primer`: runs literate Swift chapters for learners, authors and CI.
@main
struct Primer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "primer",
        abstract: "Run Markdown chapters with Swift cells: step through them, check them, publish them.",
        discussion: "A chapter is a Markdown file. Its fenced blocks whose info string starts with `swift` are cells, compiled together as one program against Primer's engines. Start a book with `primer init`, preview it with `primer serve`, and see README.md for the rest.",
        subcommands: [Step.self, Run.self, Check.self, Build.self, Serve.self, Init.self, EditionCommand.self]
    )

    @Flag(help: "Show Primer's version and the Swift compiler's.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("primer \(PrimerVersion.current)")
        do { print(try Toolchain.discover().compilerVersion()) } catch { print("Swift compiler: unknown (\(error))") }
    }
}
