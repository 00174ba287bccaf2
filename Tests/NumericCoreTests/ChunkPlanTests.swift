import Foundation
import Synchronization
import Testing
@testable import NumericCore

@Suite struct ChunkPlanTests {
    @Test func chunksArePowersOfTwoSetBySizeAlone() {
        #expect(ChunkPlan(count: 1000, minChunk: 100).chunks == 8)
        #expect(ChunkPlan(count: 1000, minChunk: 300).chunks == 2)
        #expect(ChunkPlan(count: 1000, minChunk: 600).chunks == 1)
        #expect(ChunkPlan(count: 1 << 20).chunks == ChunkPlan.maxChunks)
        #expect(ChunkPlan(count: 1000, minChunk: 1, maxChunks: 6).chunks == 4)
        #expect(ChunkPlan(count: 0).chunks == 1)
    }

    @Test func chunksCoverTheRangeInOrder() {
        let plan = ChunkPlan(count: 1001, minChunk: 10)
        let ranges = (0..<plan.chunks).map(plan.range)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 1001)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
    }

    @Test func everyWorkerCountSeesTheSameChunks() {
        let seen = (1...8).map { n in
            Parallel.withWorkers(n) {
                let chunks = Mutex<[Range<Int>]>([])
                Parallel.forChunks(0..<10_000, minChunk: 100) { r in chunks.withLock { $0.append(r) } }
                return chunks.withLock { $0.sorted { $0.lowerBound < $1.lowerBound } }
            }
        }
        #expect(seen.allSatisfy { $0 == seen[0] })
        #expect(seen[0].count == ChunkPlan.maxChunks)
    }

    @Test func withWorkersScopesTheCount() {
        let inside = Parallel.withWorkers(3) { Parallel.workers }
        #expect(inside == 3)
        #expect(Parallel.workers == Parallel.defaultWorkers)
        #expect(Parallel.withWorkers(8) { Parallel.mapChunks(0..<64) { $0.count } } == [Int](repeating: 4, count: 16))
    }

    @Test func slicesFollowTheProductsShape() {
        #expect(GemmSlices(m: 64, n: 128, k: 100).plan.chunks == 1)          // below the threshold
        let forward = GemmSlices(m: 64, n: 128, k: 1600)                        // 13 M multiply-adds
        #expect(!forward.byRows && forward.plan.chunks == 4)
        let tall = GemmSlices(m: 4000, n: 16, k: 40, split: .largerSide)
        #expect(tall.byRows && tall.plan.chunks == 2)
    }
}
