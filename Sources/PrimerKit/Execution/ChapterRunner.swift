import Foundation

/// The execution core: every command runs chapters through it. It compiles a chapter's
/// program, runs it in the chapter's folder, streams typed events to an observer, interprets
/// failures, re-runs past expected failures, applies the chapter's expectations and keeps
/// results in the cache.
///
///     let runner = try ChapterRunner(cacheDirectory: ".primer-cache")
///     let result = runner.run(chapter).result          // one CellResult per cell
///     runner.run(chapter, observer: page, gate: learner) // live events; the learner paces cells
public final class ChapterRunner: Sendable {
    public let toolchain: Toolchain
    public let engines: EngineBuild
    public let cache: ResultCache?
    public let compilerVersion: String
    /// Where each run compiles and keeps its scratch files (removed afterwards); absolute,
    /// because programs run in their chapter's folder.
    public let workRoot: String

    /// The sandbox every chapter runs in (`--sandbox`); nil: only chapters whose book asks for it.
    public let sandbox: Sandbox?
    /// The results this runner made, by program: every edition of a chapter shares one run.
    let sourceRuns = SourceRuns()

    /// With a `sandbox` (from `Sandbox.prepare()`, which throws when one cannot be set up),
    /// every chapter runs in it.
    ///
    ///     let runner = try ChapterRunner(cacheDirectory: ".primer-cache", sandbox: try Sandbox.prepare())
    public init(cacheDirectory: String?, sandbox: Sandbox? = nil,
                log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws {
        self.sandbox = sandbox
        toolchain = try Toolchain.discover()
        var engines = EngineBuild(toolchain: toolchain)
        try engines.prepare(log: log)
        self.engines = engines
        compilerVersion = toolchain.compilerVersion()
        cache = cacheDirectory.map { ResultCache(directory: $0) }
        workRoot = Paths.absolute((cacheDirectory ?? NSTemporaryDirectory() + "/primer") + "/work")
    }

    /// Makes Ctrl-C (SIGINT), SIGTERM and SIGHUP kill every running chapter's process group and
    /// then end Primer the way the signal would, from now on rather than from the first chapter
    /// run: what a long-running command (`primer serve`) calls first. The one place that handles
    /// those signals: installing another handler for them would silence this one.
    public static func stopProgramsOnInterrupt() {
        ProcessGroups.shared.installHandlers()
    }

    /// How a chapter's result was obtained, for `--explain`.
    public struct Explained: Sendable {
        public var result: ChapterResult
        public var explanation: String
    }

    /// Runs `chapter`, or returns its cached result when nothing that affects outputs changed.
    /// With a `gate` the chapter always runs and the result is not stored. A translated chapter
    /// (`<!-- primer: translates … -->`) is not compiled: its cells are checked against its
    /// source's and its result is the source's run, at its own lines.
    @discardableResult
    public func run(_ chapter: Chapter, useCache: Bool = true, observer: RunObserver? = nil,
                    gate: CellGate? = nil) -> Explained {
        let explained = chapter.translation != nil && gate == nil
            ? runTranslation(chapter, useCache: useCache, observer: observer)
            : runOrLookUp(chapter, useCache: useCache && gate == nil, store: gate == nil, observer: observer, gate: gate)
        observer?.observe(.finished(explained.result, explanation: explained.explanation))
        return explained
    }

    private func runOrLookUp(_ chapter: Chapter, useCache: Bool, store: Bool, observer: RunObserver?, gate: CellGate?) -> Explained {
        let (key, parts) = ResultCache.key(for: chapter, compilerVersion: compilerVersion, engineFingerprint: engines.fingerprint,
                                           sandboxed: sandbox != nil || chapter.bookRequiresSandbox)
        guard store else {
            let (result, _) = lookUpOrExecute(chapter, key: key, parts: parts, useCache: useCache, store: false, observer: observer, gate: gate)
            return Explained(result: ExpectationCheck.apply(chapter, to: result), explanation: "ran: stepping")
        }
        // A source's run is recorded for its translations, which wait for it while it runs.
        let program = SourceRuns.program(key: key, path: chapter.path)
        sourceRuns.begin(program)
        let made = lookUpOrExecute(chapter, key: key, parts: parts, useCache: useCache, store: true, observer: observer, gate: nil)
        sourceRuns.record(made.result, for: program)
        return Explained(result: ExpectationCheck.apply(chapter, to: made.result), explanation: made.explanation)
    }

    /// The run of `source` for one of its translations: the one this command made or is making
    /// (so that every edition shares one run, with `--no-cache` too), else the cache's, else a
    /// new one.
    private func sharedRun(of source: Chapter, useCache: Bool, observer: RunObserver?) -> Explained {
        let (key, parts) = ResultCache.key(for: source, compilerVersion: compilerVersion, engineFingerprint: engines.fingerprint,
                                           sandboxed: sandbox != nil || source.bookRequiresSandbox)
        var explanation = "shared: the same program already ran in this command"
        let result = sourceRuns.result(for: SourceRuns.program(key: key, path: source.path)) {
            let made = lookUpOrExecute(source, key: key, parts: parts, useCache: useCache, store: true, observer: observer, gate: nil)
            explanation = made.explanation
            return made.result
        }
        return Explained(result: ExpectationCheck.apply(source, to: result), explanation: explanation)
    }

    private func lookUpOrExecute(_ chapter: Chapter, key: String, parts: [String], useCache: Bool, store: Bool,
                                 observer: RunObserver?, gate: CellGate?) -> (result: ChapterResult, explanation: String) {
        var explanation = useCache ? "no cache" : (gate == nil ? "ran: --no-cache" : "ran: stepping")
        if useCache, let cache {
            switch cache.lookup(chapter, key: key, parts: parts) {
            case .hit(let cached):
                return (cached, "from cache: nothing that affects its outputs changed")
            case .miss(let reason):
                explanation = "ran: " + reason
            }
        }
        let start = Date()
        var execution = ChapterExecution(runner: self, chapter: chapter, observer: observer, gate: gate)
        var result = execution.run()
        result.seconds = Date().timeIntervalSince(start)
        // Only a complete, reproducible result is worth keeping: a launch failure is not.
        if store, let cache, !result.hasLaunchFailure, !execution.stoppedByGate {
            do { try cache.store(result, key: key, parts: parts) } catch { explanation += " (cache not written: \(error))" }
        }
        return (result, explanation)
    }

    /// A translated chapter's result: its source's, once its cells are shown to be the source's.
    private func runTranslation(_ chapter: Chapter, useCache: Bool, observer: RunObserver?) -> Explained {
        guard let named = chapter.translation else {
            return runOrLookUp(chapter, useCache: useCache, store: true, observer: observer, gate: nil)
        }
        func failed(_ error: ChapterError, _ why: String) -> Explained {
            Explained(result: ChapterResult(path: chapter.path, cells: [], seconds: 0, chapterError: error), explanation: why)
        }
        let source: Chapter
        do { source = try Chapter.load(path: named.path) } catch {
            let reason = (error as? ChapterError).map { "line \($0.line): \($0.message)" } ?? "\(error)"
            return failed(ChapterError(path: chapter.path, line: named.line, message: "cannot use the source chapter \(named.path) this chapter translates (\(reason)); fix the path in the `primer: translates` directive, which is relative to this file"), "not run: its source cannot be read")
        }
        if source.translation != nil {
            return failed(ChapterError(path: chapter.path, line: named.line, message: "\(named.path) is itself a translation; name the chapter it translates instead"), "not run: its source is a translation")
        }
        do { try CellIdentity.verify(translation: chapter, source: source) } catch let error as ChapterError {
            return failed(error, "not run: its cells differ from its source's")
        } catch { return failed(ChapterError(path: chapter.path, line: named.line, message: "\(error)"), "not run") }
        let explained = sharedRun(of: source, useCache: useCache, observer: observer)
        return Explained(result: TranslatedResult.map(explained.result, from: source, to: chapter),
                         explanation: "from its source \(source.path)'s run (\(explained.explanation))")
    }
}

extension ChapterResult {
    var hasLaunchFailure: Bool {
        cells.contains { if case .failed(let f) = $0.status { return f.kind == .launchFailure } else { return false } }
    }
}

extension ChapterRunner {
    /// The sandbox `chapter` runs in: the runner's, or, when the chapter's book says
    /// `"sandbox": true`, one prepared for it (throws `Sandbox.Unavailable` when it cannot be);
    /// nil: it runs unsandboxed.
    func sandbox(for chapter: Chapter) throws -> Sandbox? {
        if let sandbox { return sandbox }
        guard chapter.bookRequiresSandbox else { return nil }
        return try Self.bookSandbox.get()
    }

    /// Prepared once, the first time a book asks for it.
    private static let bookSandbox: Result<Sandbox, Sandbox.Unavailable> = Result { () throws(Sandbox.Unavailable) in try Sandbox.prepare() }

    /// Where a sandboxed program of `chapter` runs: its work folder, its chapter's folder, the
    /// release engines and the toolchain's runtime libraries, and its declared data files (bound
    /// again, read-only, in case they sit under a hidden home folder or `/tmp`).
    func sandboxLayout(for chapter: Chapter, work: String) -> Sandbox.Layout {
        let swiftc = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath().path
        let toolchainRoot = ((swiftc as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let data = chapter.dataFiles.map { Paths.absolute($0.hasPrefix("/") ? $0 : chapter.folder + "/" + $0) }
        return Sandbox.Layout(work: work, chapterFolder: Paths.absolute(chapter.folder),
                              readable: [Paths.absolute(engines.scratchPath), (toolchainRoot as NSString).deletingLastPathComponent],
                              dataFiles: data)
    }
}
