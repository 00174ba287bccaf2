import Foundation

/// Data-parallel loops over both cores, for work that BLAS does not cover.
///
///     Parallel.forEach(0..<rows) { row in … }          // one call per index
///     Parallel.forChunks(0..<n, minChunk: 1024) { r in for i in r { … } }
public enum Parallel {
    /// How many workers a loop splits into (the number of active cores, at least 1).
    /// Set `PRIMER_THREADS` in the environment to override.
    public static let workers: Int = {
        if let text = ProcessInfo.processInfo.environment["PRIMER_THREADS"], let n = Int(text), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Calls `body` with contiguous sub-ranges that together cover `range`, in parallel when the
    /// range holds at least `2 × minChunk` indices. Chunks never overlap. The chunks run on
    /// `WorkerPool`'s threads, the first on the calling thread.
    public static func forChunks(_ range: Range<Int>, minChunk: Int = 1, _ body: (Range<Int>) -> Void) {
        let count = range.count
        if count == 0 { return }
        let chunks = min(workers, max(1, count / max(1, minChunk)))
        if chunks <= 1 { body(range); return }
        WorkerPool.shared.run(chunks: chunks) { c in
            let lo = range.lowerBound + count * c / chunks
            let hi = range.lowerBound + count * (c + 1) / chunks
            if lo < hi { body(lo..<hi) }
        }
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
