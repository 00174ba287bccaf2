import ArgumentParser

/// `primer`: runs literate Swift chapters for learners, authors and CI.
@main
struct Primer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "primer",
        abstract: "Run Markdown chapters with Swift cells: step through them, check them, publish them.",
        discussion: """
        A chapter is a Markdown file; fenced blocks whose info string starts with `swift` are
        cells, compiled together as one program against Primer's engines. See README.md.
        """,
        subcommands: [Step.self, Run.self, Check.self, Build.self, Serve.self]
    )
}
