import Foundation
import NumericCore

/// Maps `0..<count` over the workers, each taking the next index as soon as it is free, so that
/// trees of uneven cost (or a core shared with another process) leave no worker idle; a static
/// split into halves waits for the slower half. Results stay in index order and each depends
/// only on its index, so the outcome does not depend on the scheduling or the thread count.
/// The queue is drained by `ChunkPlan.maxChunks` loops (one chunk each, claimed by however many
/// threads there are; a loop that finds the queue empty returns at once), so up to that many
/// threads take part.
///
///     let squares = TreeQueue.map(4) { $0 * $0 }   // [0, 1, 4, 9]
final class TreeQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    private init(count: Int) { self.count = count }

    /// The next index nobody has taken, or nil when all are taken.
    private func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        let queue = TreeQueue(count: count)
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            Parallel.forEach(0..<ChunkPlan.maxChunks) { _ in
                while let index = queue.take() { (base + index).pointee = transform(index) }
            }
        }
        return results.map { $0! }
    }
}
