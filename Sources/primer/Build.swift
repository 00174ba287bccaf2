import ArgumentParser
import Foundation
import PrimerKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run what the cache does not hold and write the static HTML course.",
        discussion: """
            A chapter that fails still gets its page, with the error shown at its cell; the build then exits with status 1. \
            Given several books (editions of one course, e.g. `Chapters Chapters-zh`), each goes to a folder named for its \
            language (`en/`, `zh/`) with a language switcher on every page and an index that offers them all; a translated \
            chapter's results come from its source's run.
            """)

    @Argument(help: "The book folders (with SUMMARY.md, or chapters ordered by file name); default: Chapters and its editions.")
    var books: [String] = []

    @Option(help: "Where to write the site (replaced as a whole when the build finishes).")
    var out: String = "_site"

    @Option(name: [.short, .customLong("jobs")], help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Say why each chapter ran or came from the cache.")
    var explain = false

    @Flag(help: "Treat stale translations as errors.")
    var strict = false

    @OptionGroup var cache: CacheOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let folders = books.isEmpty ? Editions.defaultCourse.ifEmpty(["Chapters"]) : books
        var loaded: [PrimerKit.Book] = []
        do { loaded = try folders.map { try PrimerKit.Book.load(folder: $0) } } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let runner = try cache.makeRunner()
        let style = TerminalStyle.detect()
        // The report speaks the first book's language (or --lang / PRIMER_LANG).
        let report = CheckReport(style: style, language: language.language(forBookIn: folders[0]))
        let batch = ChapterBatch(runner: runner, jobs: jobs, useCache: !cache.noCache)
        // One batch for every edition: sources run first, their translations share the runs.
        let paths = loaded.flatMap { $0.chapters.map(\.path) }
        let all = batch.run(paths) { item in
            print(report.summaryLine(item.result))
            if explain { print(style.dim("      " + item.explanation)) }
        }
        var (site, links) = CourseSite.checkingLinks(books: loaded, items: all)
        let problems = links.problems, external = links.external
        do { try site.write(to: out) } catch {
            printError("error: could not write the site to \(out): \(error)")
            throw ExitCode(2)
        }
        let siteWarnings = site.warnings
        siteWarnings.forEach(printError)
        for item in all { item.result.warnings.forEach { printError(style.yellow($0)) } }
        let stale = Set(StalenessReport.print(all.compactMap(\.chapter), strict: strict, style: style))
        StalenessReport.printUntranslated(in: folders, style: style)
        let brokenLinks = Set(problems.map(\.path))
        let failed = all.filter { !$0.result.passed || brokenLinks.contains($0.result.path) || stale.contains($0.result.path) }
        for item in failed where !item.result.passed { print(""); print(report.failureDetails(item.result, source: item.chapter?.source)) }
        if !problems.isEmpty { print("") }
        for problem in problems { print(style.bold("\(problem.path):\(problem.line):\(problem.column): ") + style.red("error: ") + problem.message) }
        LinkCheck.externalSummary(external, explain: explain).forEach { print(style.dim($0)) }
        let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").standardizedFileURL.path
        print("")
        print(report.strings.courseIsAt(index))
        print(report.strings.checkTotals(passed: all.count - failed.count, failed: failed.count))
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
