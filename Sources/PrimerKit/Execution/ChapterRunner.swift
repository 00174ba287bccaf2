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

    public init(cacheDirectory: String?, log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws {
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
    /// With a `gate` the chapter always runs and the result is not stored.
    @discardableResult
    public func run(_ chapter: Chapter, useCache: Bool = true, observer: RunObserver? = nil,
                    gate: CellGate? = nil) -> Explained {
        let explained = runOrLookUp(chapter, useCache: useCache && gate == nil, store: gate == nil,
                                    observer: observer, gate: gate)
        observer?.observe(.finished(explained.result, explanation: explained.explanation))
        return explained
    }

    private func runOrLookUp(_ chapter: Chapter, useCache: Bool, store: Bool, observer: RunObserver?, gate: CellGate?) -> Explained {
        let (key, parts) = ResultCache.key(for: chapter, compilerVersion: compilerVersion, engineFingerprint: engines.fingerprint)
        var explanation = useCache ? "no cache" : (gate == nil ? "ran: --no-cache" : "ran: stepping")
        if useCache, let cache {
            switch cache.lookup(chapter, key: key, parts: parts) {
            case .hit(let cached):
                return Explained(result: ExpectationCheck.apply(chapter, to: cached), explanation: "from cache: nothing that affects its outputs changed")
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
        return Explained(result: ExpectationCheck.apply(chapter, to: result), explanation: explanation)
    }
}

extension ChapterResult {
    var hasLaunchFailure: Bool {
        cells.contains { if case .failed(let f) = $0.status { return f.kind == .launchFailure } else { return false } }
    }
}
