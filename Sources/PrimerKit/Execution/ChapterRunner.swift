import Foundation

/// Runs chapters: compile, execute, attribute outputs to cells, and apply the chapter's
/// expectations — or take all of that from the cache.
///
///     var runner = try ChapterRunner(cacheDirectory: ".primer-cache")
///     let result = runner.run(chapter)            // ChapterResult with one CellResult per cell
public final class ChapterRunner: @unchecked Sendable {
    public let toolchain: Toolchain
    public private(set) var engines: EngineBuild
    public let cache: ResultCache?
    public let compilerVersion: String
    /// Where each run compiles and keeps its scratch files (removed afterwards).
    public let workRoot: String

    /// Receives live events during a run (for `primer step`).
    public enum LiveEvent {
        case compiling
        case cellBegan(Int)
        case output(Int, CellOutput)
        case cellEnded(Int)
    }

    public init(cacheDirectory: String?, log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws {
        toolchain = try Toolchain.discover()
        var engines = EngineBuild(toolchain: toolchain)
        try engines.prepare(log: log)
        self.engines = engines
        compilerVersion = toolchain.compilerVersion()
        cache = cacheDirectory.map { ResultCache(directory: $0) }
        workRoot = (cacheDirectory ?? NSTemporaryDirectory() + "/primer") + "/work"
    }

    /// How a chapter's result was obtained, for `--explain`.
    public struct Explained: Sendable {
        public var result: ChapterResult
        public var explanation: String
    }

    /// Runs `chapter`, or returns its cached result when nothing that affects outputs changed.
    public func run(_ chapter: Chapter, useCache: Bool = true, onEvent: ((LiveEvent) -> Void)? = nil) -> Explained {
        let (key, parts) = ResultCache.key(for: chapter, compilerVersion: compilerVersion, engineFingerprint: engines.fingerprint)
        var explanation = useCache ? "no cache" : "ran: --no-cache"
        if useCache, let cache {
            switch cache.lookup(chapter, key: key, parts: parts) {
            case .hit(let cached):
                return Explained(result: ExpectationCheck.apply(chapter, to: cached), explanation: "from cache: nothing that affects its outputs changed")
            case .miss(let reason):
                explanation = "ran: " + reason
            }
        }
        let start = Date()
        var result = execute(chapter, onEvent: onEvent)
        result.seconds = Date().timeIntervalSince(start)
        // Only a complete, reproducible result is worth keeping: a launch failure is not.
        let launchFailed = result.cells.contains { if case .failed(let f) = $0.status { return f.kind == .launchFailure } else { return false } }
        if let cache, !launchFailed {
            do { try cache.store(result, key: key, parts: parts) } catch { explanation += " (cache not written: \(error))" }
        }
        return Explained(result: ExpectationCheck.apply(chapter, to: result), explanation: explanation)
    }

    /// Compiles and runs without looking at the cache.
    func execute(_ chapter: Chapter, onEvent: ((LiveEvent) -> Void)?) -> ChapterResult {
        let runnable = chapter.cells.filter(\.runs)
        var cells = chapter.cells.map { CellResult(index: $0.index, status: $0.runs ? .notRun("") : .skipped) }
        if runnable.isEmpty { return ChapterResult(path: chapter.path, cells: cells, seconds: 0) }

        let work = workRoot + "/" + UUID().uuidString
        defer {
            // PRIMER_KEEP_WORK=1 keeps the generated program and its binary, for debugging Primer.
            if ProcessInfo.processInfo.environment["PRIMER_KEEP_WORK"] != "1" { try? FileManager.default.removeItem(atPath: work) }
        }
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            return launchFailure(chapter, cells, "cannot create a work folder at \(work): \(error)")
        }
        onEvent?(.compiling)
        let compiler = ChapterCompiler(toolchain: toolchain, engines: engines)
        let compiled: ChapterCompiler.Compiled
        do {
            switch try compiler.compile(chapter, in: work) {
            case .compiled(let c): compiled = c
            case .failed(let failures, let expected):
                let firstLine = failures.values.map(\.line).min() ?? 0
                for i in cells.indices where chapter.cells[i].runs {
                    if let failure = failures[i] { cells[i].status = .failed(failure) }
                    else if let failure = expected[i] { cells[i].status = .failedAsExpected(failure) }
                    else { cells[i].status = .notRun("the chapter did not compile (error at line \(firstLine))") }
                }
                return ChapterResult(path: chapter.path, cells: cells, seconds: 0)
            }
        } catch {
            return launchFailure(chapter, cells, "cannot run swiftc: \(error)")
        }
        for (i, failure) in compiled.expectedFailures { cells[i].status = .failedAsExpected(failure) }

        var skip: Set<Int> = []
        var expectedAtRuntime: [Int: CellResult] = [:]
        while true {
            let outcome: ProgramExecutor.Outcome
            do {
                outcome = try execute(compiled.executable, chapter: chapter, skipping: skip, work: work, onEvent: onEvent)
            } catch {
                return launchFailure(chapter, cells, "cannot start the chapter's program: \(error)")
            }
            let interpreted = interpret(outcome, chapter: chapter, compiled: compiled)
            if let failed = interpreted.expectedFailure {
                expectedAtRuntime[failed.index] = failed
                skip.insert(failed.index)
                continue
            }
            for result in interpreted.cells { cells[result.index] = result }
            for (i, result) in expectedAtRuntime { cells[i] = result }
            var finished = ChapterResult(path: chapter.path, cells: cells, seconds: 0)
            finished.warnings = compiled.slowExpressions
            return finished
        }
    }

    func execute(_ executable: String, chapter: Chapter, skipping: Set<Int>, work: String,
                 onEvent: ((LiveEvent) -> Void)?, onLaunch: ((ChildProcess) -> Void)? = nil) throws -> ProgramExecutor.Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["PRIMER_SKIP_CELLS"] = skipping.sorted().map(String.init).joined(separator: ",")
        environment["PRIMER_STEP"] = onLaunch == nil ? nil : "1"
        let backtrace = work + "/backtrace-\(skipping.count).txt"
        let timeouts = Dictionary(uniqueKeysWithValues: chapter.cells.map { ($0.index, $0.options.effectiveTimeout) })
        let executor = ProgramExecutor(executable: executable, environment: environment, timeouts: timeouts,
                                       backtracePath: backtrace, onEvent: onEvent)
        var configured = executor
        configured.onLaunch = onLaunch
        return try configured.run()
    }

    struct Interpretation {
        var cells: [CellResult]
        /// Set when an expect-error cell failed: the program is run again without it.
        var expectedFailure: CellResult?
    }

    func interpret(_ outcome: ProgramExecutor.Outcome, chapter: Chapter, compiled: ChapterCompiler.Compiled) -> Interpretation {
        var results: [CellResult] = []
        var stoppedAt: (cell: Int, line: Int)?
        for cell in chapter.cells where cell.runs && compiled.expectedFailures[cell.index] == nil {
            let outputs = RuntimeFailure.cleaned(outcome.outputs[cell.index] ?? [])
            let seconds = outcome.seconds[cell.index] ?? 0
            var result = CellResult(index: cell.index, status: .passed, outputs: outputs, seconds: seconds)
            if let stop = stoppedAt {
                result.status = .notRun("an earlier cell failed (line \(stop.line))")
            } else if outcome.ended.contains(cell.index) {
                if cell.options.expectError {  // (a skipped re-run's result is replaced by the recorded failure)
                    result.status = .failed(CellFailure(kind: .unexpectedSuccess,
                        message: "this cell is marked `expect-error` but ran to its end without an error; remove the option or fix the cell",
                        line: cell.fenceLine))
                }
            } else if outcome.timedOutCell == cell.index {
                result.status = .failed(CellFailure(kind: .timeout,
                    message: "the cell ran longer than its timeout of \(Self.seconds(cell.options.effectiveTimeout)) and was stopped; make it faster or raise the limit with `timeout=SECONDS` in its info string",
                    line: cell.fenceLine))
                stoppedAt = (cell.index, cell.fenceLine)
            } else if outcome.began.contains(cell.index) {
                let stderr = outputs.compactMap { if case .stderr(let s) = $0 { return s } else { return nil } }.joined(separator: "\n")
                let message = RuntimeFailure.message(fromStderr: stderr, termination: outcome.termination)
                let frames = RuntimeFailure.chapterFrames(in: outcome.backtrace, chapterPath: chapter.path)
                let place = frames.first ?? (cell.codeLine, 1)
                let calls = frames.dropFirst().map { "called from \(chapter.path):\($0.line):\($0.column)" }
                let failure = CellFailure(kind: .runtimeError, message: message, line: place.line, column: place.column, details: calls)
                if cell.options.expectError {
                    result.status = .failedAsExpected(failure)
                    return Interpretation(cells: [], expectedFailure: result)
                }
                result.status = .failed(failure)
                stoppedAt = (cell.index, place.line)
            } else {
                result.status = .notRun(outcome.termination.succeeded
                    ? "the program ended before this cell (did an earlier cell call exit()?)"
                    : "the program stopped before this cell")
            }
            results.append(result)
        }
        return Interpretation(cells: results, expectedFailure: nil)
    }

    func launchFailure(_ chapter: Chapter, _ cells: [CellResult], _ message: String) -> ChapterResult {
        var cells = cells
        let first = chapter.cells.first(where: \.runs)
        for i in cells.indices where chapter.cells[i].runs {
            cells[i].status = i == first?.index
                ? .failed(CellFailure(kind: .launchFailure, message: message, line: chapter.cells[i].fenceLine))
                : .notRun("the chapter could not be run")
        }
        return ChapterResult(path: chapter.path, cells: cells, seconds: 0)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
