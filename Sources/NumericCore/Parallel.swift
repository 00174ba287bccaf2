import Foundation

/// Data-parallel loops over the cores, for work that BLAS does not cover.
///
///     Parallel.forEach(0..<rows) { row in … }          // one call per index
///     Parallel.forChunks(0..<n, minChunk: 1024) { r in for i in r { … } }
///     Parallel.withWorkers(3) { model.fit(x, y) }      // three threads for this call only
public enum Parallel {
    /// The worker count of the process: `PRIMER_THREADS` from the environment, or the number of
    /// active cores; at least 1.
    public static let defaultWorkers: Int = {
        if let text = ProcessInfo.processInfo.environment["PRIMER_THREADS"], let n = Int(text), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// The worker count set by the innermost `withWorkers` on this thread, if any.
    @TaskLocal static var scopedWorkers: Int?

    /// How many threads run a parallel loop started on this thread: the innermost
    /// `withWorkers`, else `defaultWorkers`.
    public static var workers: Int { scopedWorkers ?? defaultWorkers }

    /// Runs `body` with parallel loops started on this thread (or on its task) spread over
    /// `count` threads instead of `defaultWorkers`; the pool grows its helpers when asked for
    /// more than it has. Other threads keep their own setting.
    ///
    ///     let one = Parallel.withWorkers(1) { train() }, eight = Parallel.withWorkers(8) { train() }
    public static func withWorkers<Result>(_ count: Int, _ body: () throws -> Result) rethrows -> Result {
        engineRequire(count >= 1, "Parallel.withWorkers: \(count) workers; need at least 1")
        return try $scopedWorkers.withValue(count, operation: body)
    }

    /// Calls `body` with the chunks of `range` (see `ChunkPlan`: about `minChunk` indices or
    /// more each, at most `maxChunks`, boundaries set by the range's size alone), in parallel when
    /// there are two or more. The chunks run on `WorkerPool`'s threads, the first on the calling
    /// thread; with one worker they run in order on the calling thread.
    public static func forChunks(_ range: Range<Int>, minChunk: Int = 1, maxChunks: Int = ChunkPlan.maxChunks,
                                 _ body: (Range<Int>) -> Void) {
        let offset = range.lowerBound
        forChunks(ChunkPlan(count: range.count, minChunk: minChunk, maxChunks: maxChunks)) { chunk in
            body(offset + chunk.lowerBound ..< offset + chunk.upperBound)
        }
    }

    /// Calls `body` with the chunks of `plan` (ranges within `0..<plan.count`), in parallel when
    /// there are two or more.
    ///
    ///     Parallel.forChunks(ChunkPlan(count: n, minChunk: 64)) { rows in … }
    public static func forChunks(_ plan: ChunkPlan, _ body: (Range<Int>) -> Void) {
        if plan.count == 0 { return }
        if plan.chunks == 1 { body(0..<plan.count); return }
        WorkerPool.shared.run(chunks: plan.chunks, workers: workers) { c in body(plan.range(c)) }
    }

    /// One value per chunk of `range` (the chunks of `forChunks`), in chunk order: the way to
    /// reduce in parallel and still give the same bits for every thread count, by combining the
    /// partial results in this order.
    ///
    ///     let total = Parallel.mapChunks(0..<n, minChunk: 4096) { r in r.reduce(0.0) { $0 + x[$1] } }.reduce(0, +)
    public static func mapChunks<T>(_ range: Range<Int>, minChunk: Int = 1, maxChunks: Int = ChunkPlan.maxChunks,
                                    _ transform: (Range<Int>) -> T) -> [T] {
        let plan = ChunkPlan(count: range.count, minChunk: minChunk, maxChunks: maxChunks)
        if plan.count == 0 { return [] }
        let chunks = (0..<plan.chunks).map { c in
            let chunk = plan.range(c)
            return range.lowerBound + chunk.lowerBound ..< range.lowerBound + chunk.upperBound
        }
        return map(0..<chunks.count) { transform(chunks[$0]) }
    }

    /// Calls `body` once for every index of `range`, spread over the workers.
    public static func forEach(_ range: Range<Int>, minChunk: Int = 1, _ body: (Int) -> Void) {
        forChunks(range, minChunk: minChunk) { sub in for i in sub { body(i) } }
    }

    /// Maps every index of `range` to a value, in parallel, keeping the order.
    public static func map<T>(_ range: Range<Int>, minChunk: Int = 1, _ transform: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: range.count)
        results.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            forChunks(range, minChunk: minChunk) { sub in
                for i in sub { (base + (i - range.lowerBound)).pointee = transform(i) }
            }
        }
        return results.map { $0! }
    }
}
