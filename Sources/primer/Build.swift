import ArgumentParser
import Foundation
import PrimerKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run what the cache does not hold and write the static HTML course.",
        discussion: "A chapter that fails still gets its page, with the error shown at its cell; the build then exits with status 1.")

    @Argument(help: "The book folder (with SUMMARY.md, or chapters ordered by file name).")
    var book: String = "Chapters"

    @Option(help: "Where to write the site (replaced as a whole when the build finishes).")
    var out: String = "_site"

    @Option(name: [.short, .customLong("jobs")], help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Say why each chapter ran or came from the cache.")
    var explain = false

    @OptionGroup var cache: CacheOptions

    func run() throws {
        let loaded: PrimerKit.Book
        do { loaded = try PrimerKit.Book.load(folder: book) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let runner = try cache.makeRunner()
        let style = TerminalStyle.detect()
        let report = CheckReport(style: style)
        let batch = ChapterBatch(runner: runner, jobs: jobs, useCache: !cache.noCache)
        let items = batch.run(loaded.chapters.map(\.path)) { item in
            print(report.summaryLine(item.result))
            if explain { print(style.dim("      " + item.explanation)) }
        }
        let links = LinkCheck.run(items.compactMap(\.chapter), book: Set(loaded.chapters.map(\.path)), root: loaded.folder)
        var site = SiteBuilder(book: loaded, items: items)
        site.assets = links.assets
        do { try site.write(to: out) } catch {
            printError("error: could not write the site to \(out): \(error)")
            throw ExitCode(2)
        }
        site.warnings.forEach(printError)
        for item in items { item.result.warnings.forEach { printError(style.yellow($0)) } }
        let brokenLinks = Set(links.problems.map(\.path))
        let failed = items.filter { !$0.result.passed || brokenLinks.contains($0.result.path) }
        for item in failed where !item.result.passed { print(""); print(report.failureDetails(item.result, source: item.chapter?.source)) }
        if !links.problems.isEmpty { print("") }
        for problem in links.problems { print(style.bold("\(problem.path):\(problem.line):\(problem.column): ") + style.red("error: ") + problem.message) }
        LinkCheck.externalSummary(links.external, explain: explain).forEach { print(style.dim($0)) }
        let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").standardizedFileURL.path
        print("")
        print("The course is at \(index)")
        print("chapters: \(items.count - failed.count) passed, \(failed.count) failed")
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
