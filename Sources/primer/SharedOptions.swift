import ArgumentParser
import Foundation
import PrimerKit

/// Options every command that runs chapters understands.
struct CacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Run every chapter even when the cache has its outputs.")
    var noCache = false

    @Option(name: .customLong("cache-dir"), help: "Where results are cached.")
    var cacheDirectory = ".primer-cache"

    @Flag(help: "Run each chapter's program in a sandbox: no network, a read-only file system but its work folder and /tmp, an empty home, its own process namespace, a process limit (needs bubblewrap).")
    var sandbox = false

    func makeRunner() throws -> ChapterRunner {
        do {
            return try ChapterRunner(cacheDirectory: cacheDirectory, sandbox: sandbox ? Sandbox.prepare() : nil)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `--lang`: the language of Primer's own words in the terminal, one place for the option.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language of Primer's words in the terminal, a BCP-47 tag: en or zh-Hans (default: $PRIMER_LANG, else the book's book.json language).")
    var lang: String?

    /// The language for the book in `folder` (a chapter's folder for a chapter).
    func language(forBookIn folder: String) -> UILanguage {
        Book.uiLanguage(folder: folder.isEmpty ? "." : folder, override: lang)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension Array {
    /// The array, or `fallback` when it is empty (a missing default book is then named in the error).
    func ifEmpty(_ fallback: [Element]) -> [Element] { isEmpty ? fallback : self }
}
