import NumericCore

extension Parallel {
    /// Splits `0..<items` across cores when the loop touches at least `work` ≥ 2¹⁶ elements;
    /// otherwise runs it on the calling thread (small loops cost more to dispatch than to run).
    static func forChunksIfLarge(_ items: Int, work: Int, _ body: (Range<Int>) -> Void) {
        if work >= Elementwise.parallelThreshold && items > 1 {
            forChunks(0..<items, minChunk: 1, body)
        } else if items > 0 {
            body(0..<items)
        }
    }
}
