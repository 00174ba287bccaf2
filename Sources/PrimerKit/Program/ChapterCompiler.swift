import Foundation

/// Compiles a chapter's program with swiftc against the release engines.
///
/// When the only errors are in `expect-error` cells, those cells are set aside (they failed
/// as expected) and the rest is compiled again.
struct ChapterCompiler {
    var toolchain: Toolchain
    var engines: EngineBuild

    struct Compiled {
        var executable: String
        /// Expect-error cells that failed to compile, as they should, with the first error.
        var expectedFailures: [Int: CellFailure]
        var program: GeneratedProgram
        /// Expressions in cells that took the type checker long (`path:line:col: warning: …`).
        var slowExpressions: [String] = []
    }

    /// Milliseconds of type checking above which an expression is reported to the author.
    static let slowTypeCheckMilliseconds = 500

    enum Outcome {
        case compiled(Compiled)
        /// Errors outside expect-error cells: every failing cell's first error.
        case failed([Int: CellFailure], expected: [Int: CellFailure])
    }

    func compile(_ chapter: Chapter, in workDirectory: String) throws -> Outcome {
        var excluded: [Int: CellFailure] = [:]
        while true {
            let program = ProgramGenerator.generate(chapter, excluding: Set(excluded.keys))
            let sourcePath = workDirectory + "/main.swift"
            let executable = workDirectory + "/chapter"
            try Data(program.source.utf8).write(to: URL(fileURLWithPath: sourcePath))
            let arguments = ["-swift-version", "5", "-g", "-Onone", "-module-name", "Chapter",
                             "-diagnostic-style=llvm", "-no-color-diagnostics",
                             "-Xfrontend", "-warn-long-expression-type-checking=\(Self.slowTypeCheckMilliseconds)",
                             sourcePath, "-o", executable] + engines.compilerArguments()
            let result = try Shell.run(toolchain.swiftc, arguments)
            if result.succeeded {
                let slow = DiagnosticParser.parse(result.output)
                    .filter { $0.severity == .warning && $0.file == chapter.path && $0.message.contains("type-check") }
                    .map { "\($0.location): warning: \($0.message); split it into smaller steps or add type annotations" }
                return .compiled(Compiled(executable: executable, expectedFailures: excluded, program: program, slowExpressions: slow))
            }
            let errors = DiagnosticParser.parse(result.output).filter { $0.severity == .error }
            var failures: [Int: CellFailure] = [:]
            for error in errors {
                guard let (cell, line) = locate(error, chapter: chapter, program: program, sourcePath: sourcePath),
                      failures[cell] == nil else { continue }
                let sameCell = errors.filter { $0 != error && $0.file == chapter.path && chapter.cells[cell].codeLines.contains($0.line) }
                var message = error.message
                if error.file == chapter.path, let value = chapter.inlineValues.last(where: { $0.line == error.line && $0.column <= error.column }) {
                    message = "in the inline value `{swift} \(value.expression)`: " + message
                }
                failures[cell] = CellFailure(kind: .compileError, message: message, line: line, column: error.column,
                                             details: sameCell.prefix(5).map { "\($0.location): error: \($0.message)" })
            }
            if failures.isEmpty {
                // Nothing we could place (a linker error, a missing module): blame the first cell.
                let first = chapter.cells.first(where: { $0.runs })
                let text = result.output.split(separator: "\n").prefix(12).joined(separator: "\n")
                failures[first?.index ?? 0] = CellFailure(kind: .compileError, message: "the chapter's program did not build",
                                                          line: first?.fenceLine ?? 1, details: [text])
            }
            let unexpected = failures.filter { !chapter.cells[$0.key].options.expectError }
            if !unexpected.isEmpty { return .failed(unexpected, expected: excluded) }
            excluded.merge(failures) { old, _ in old }
        }
    }

    /// The cell and chapter line a diagnostic belongs to.
    private func locate(_ diagnostic: Diagnostic, chapter: Chapter, program: GeneratedProgram, sourcePath: String) -> (Int, Int)? {
        if diagnostic.file == chapter.path {
            let cell = chapter.cells.last(where: { $0.runs && $0.codeLine <= diagnostic.line })
            return cell.map { ($0.index, diagnostic.line) }
        }
        // An error in the scaffolding (e.g. a cell left a brace open): the cell before it.
        if diagnostic.file.hasSuffix("main.swift"), let cell = program.cell(atGeneratedLine: diagnostic.line) {
            return (cell, chapter.cells[cell].codeLines.upperBound)
        }
        return nil
    }
}
