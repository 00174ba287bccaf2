/// How a parallel loop over `count` indices is cut into chunks: a function of the loop's size
/// only, never of the number of threads, so that anything computed per chunk (a partial sum, a
/// product's slice) and the order the chunks are combined in are the same for every thread
/// count. The chunk count is a power of two (so 2, 4 or 8 threads share it evenly) of at most
/// `maxChunks`; the pool's threads claim chunks, so more chunks than threads cost little.
///
///     let plan = ChunkPlan(count: 1000, minChunk: 100)   // 8 chunks: 1000 / 100, rounded down to a power of two
///     plan.range(0)                                       // 0..<125
public struct ChunkPlan: Sendable, Equatable {
    /// The most chunks a loop is cut into unless its caller says otherwise.
    public static let maxChunks = 16

    public let count: Int
    public let chunks: Int

    /// At most `count / minChunk` chunks (so each holds about `minChunk` indices or more) and at
    /// most `maxChunks`, rounded down to a power of two; at least one.
    public init(count: Int, minChunk: Int = 1, maxChunks: Int = ChunkPlan.maxChunks) {
        self.count = count
        let wanted = Swift.min(maxChunks, count / Swift.max(1, minChunk))
        chunks = wanted <= 1 ? 1 : 1 << (Int.bitWidth - 1 - wanted.leadingZeroBitCount)
    }

    /// Chunk `chunk` of `0..<count`: nearly equal, contiguous, in order.
    public func range(_ chunk: Int) -> Range<Int> {
        count * chunk / chunks ..< count * (chunk + 1) / chunks
    }
}
