import ArgumentParser
import Foundation
import PrimerKit

/// Options every command that runs chapters understands.
struct CacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Run every chapter even when the cache has its outputs.")
    var noCache = false

    @Option(name: .customLong("cache-dir"), help: "Where results are cached.")
    var cacheDirectory = ".primer-cache"

    func makeRunner() throws -> ChapterRunner {
        do {
            return try ChapterRunner(cacheDirectory: cacheDirectory)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
