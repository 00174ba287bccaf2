import ArgumentParser
import Foundation
import PrimerKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter and example and report each failure at file:line.",
        discussion: "Exits with status 0 only when every cell did what its chapter says (expected outputs and expect-error included).")

    @Argument(help: "Chapters or folders of chapters (default: Chapters, its editions and Examples).")
    var paths: [String] = []

    @Option(name: [.short, .customLong("jobs")], help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Run only shard K of N, e.g. 2/4 (stable: a chapter stays in its shard).")
    var shard: String?

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Flag(help: "Rewrite the `output` blocks that differ to what the cells printed.")
    var bless = false

    @Flag(help: "Say why each chapter ran or came from the cache.")
    var explain = false

    @Flag(help: "Treat warnings (formulas that cannot be typeset, stale translations) as errors.")
    var strict = false

    @OptionGroup var cache: CacheOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Self.parseShard(shard) == nil {
            throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 1/2")
        }
    }

    static func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        return (k, n)
    }

    func run() throws {
        let defaults = Editions.defaultCourse + ["Examples"].filter { FileManager.default.fileExists(atPath: $0) }
        var chapters: [String]
        do { chapters = try ChapterCollection.collect(paths.isEmpty ? defaults : paths) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if let shard, let (k, n) = Self.parseShard(shard) { chapters = ChapterCollection.shard(chapters, k: k, of: n) }
        // The report speaks the first chapter's book's language (or --lang / PRIMER_LANG).
        let words = language.language(forBookIn: chapters.first.map { ($0 as NSString).deletingLastPathComponent } ?? ".")
        if chapters.isEmpty {
            print(words.strings.text(.noChaptersToCheck))
            return
        }
        let runner = try cache.makeRunner()
        let style = TerminalStyle.detect()
        let report = CheckReport(style: style, language: words)
        let batch = ChapterBatch(runner: runner, jobs: jobs, useCache: !cache.noCache)
        let items = batch.run(chapters) { item in
            print(report.summaryLine(item.result))
            if explain { print(style.dim("      " + item.explanation)) }
        }

        var warned: [String] = []
        for item in items {
            for warning in item.result.warnings { print(style.yellow(warning)) }
            for problem in item.chapter?.formulaProblems ?? [] {
                print(style.bold("\(item.result.path):\(problem.line):1: ") + (strict ? style.red("error: ") : style.yellow("warning: ")) + problem.message)
                warned.append(item.result.path)
            }
        }
        warned += StalenessReport.print(items.compactMap(\.chapter), strict: strict, style: style)
        StalenessReport.printUntranslated(in: paths.isEmpty ? defaults : paths, style: style)
        let links = LinkCheck.run(loose: items.compactMap(\.chapter))
        let brokenLinks = Set(links.problems.map(\.path))
        let failed = items.filter { !$0.result.passed || (strict && warned.contains($0.result.path)) || brokenLinks.contains($0.result.path) }
        for item in failed where !item.result.passed {
            print("")
            print(report.failureDetails(item.result, source: item.chapter?.source))
        }
        if !links.problems.isEmpty { print("") }
        for problem in links.problems { print(style.bold("\(problem.path):\(problem.line):\(problem.column): ") + style.red("error: ") + problem.message) }
        LinkCheck.externalSummary(links.external, explain: explain).forEach { print(style.dim($0)) }
        if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
            for item in failed { CheckReport.githubAnnotations(item.result).forEach { print($0) } }
            for problem in links.problems {
                print("::error file=\(problem.path),line=\(problem.line),col=\(problem.column),title=broken link::\(problem.message)")
            }
        }
        if let junit {
            try Data(CheckReport.junit(items.map(\.result), linkProblems: links.problems).utf8).write(to: URL(fileURLWithPath: junit))
        }
        if bless {
            var blessed = 0
            for item in items {
                guard let chapter = item.chapter else { continue }
                do { blessed += try Blesser.bless(chapter, result: item.result) } catch { printError("error: \(error)") }
            }
            print(report.strings.blessedCount(blessed))
            if links.problems.isEmpty, failed.allSatisfy({ $0.result.failures.allSatisfy { $0.failure.kind == .outputMismatch } && $0.result.chapterError == nil }) {
                print(report.strings.checkTotals(passed: items.count, failed: 0))
                return
            }
        }
        print("")
        print(report.strings.checkTotals(passed: items.count - failed.count, failed: failed.count))
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
