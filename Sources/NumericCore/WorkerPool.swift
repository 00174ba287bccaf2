import CSpinWait
import Foundation
import Synchronization

/// The fork-join pool behind `Parallel`: `workers − 1` helper threads that stay awake (spinning
/// with the processor's pause hint) for about 100 µs after each parallel region, so that the
/// next region — a training step has dozens of them, many only a few hundred microseconds long —
/// starts at once instead of waiting for a sleeping thread to be woken (which on a virtual
/// machine can take longer than the region). After that a helper sleeps and costs nothing.
///
/// Chunks are claimed, not assigned: the calling thread runs chunk 0 and then claims whatever
/// the helpers have not started, so a helper that is slow to wake (or has no core, when other
/// programs are busy) never holds the region up. Only one region runs at a time; a call made
/// while one is running (from inside a chunk, or from another thread) runs its chunks one after
/// another on its own thread, which also makes nesting safe.
///
/// A region names how many threads may work on it (`workers`, the caller included); the pool
/// starts more helpers when a region asks for more than it has, and helpers beyond a region's
/// count sit it out. So `Parallel.withWorkers(8)` gets eight threads on a two-core machine.
///
///     WorkerPool.shared.run(chunks: 16, workers: 3) { chunk in work(on: chunk) }
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool(helpers: Parallel.defaultWorkers - 1)

    /// One parallel region: its chunks are claimed through `next` and counted in `finished`.
    private final class Region: @unchecked Sendable {
        let chunks: Int
        /// How many helpers may take part (the region's workers less the caller).
        let helpers: Int
        /// The caller's closure, valid until `finished` reaches `chunks` (the caller waits for
        /// that); a helper that arrives later claims no chunk and never calls it.
        let job: UnsafePointer<(Int) -> Void>
        let next = Atomic<Int>(1)   // chunk 0 is the caller's
        let finished = Atomic<Int>(0)

        init(chunks: Int, helpers: Int, job: UnsafePointer<(Int) -> Void>) {
            self.chunks = chunks; self.helpers = helpers; self.job = job
        }

        /// Claims and runs chunks until none is left.
        func work() {
            while true {
                let chunk = next.add(1, ordering: .relaxed).oldValue
                guard chunk < chunks else { return }
                job.pointee(chunk)
                finished.add(1, ordering: .releasing)
            }
        }
    }

    /// How many helper threads have been started; only grows.
    private let helpers = Mutex(0)
    /// Bumped for every region, so that helpers notice new work without taking a lock.
    private let generation = Atomic<Int>(0)
    /// Whether a region is running.
    private let busy = Atomic<Bool>(false)
    /// The running region, published under `lock`.
    private let lock = NSLock()
    nonisolated(unsafe) private var current: Region?
    /// Where sleeping helpers wait for the next region.
    private let wakeUp = NSCondition()
    /// How long a helper spins after a region before it sleeps.
    private let spinNanoseconds: UInt64 = 100_000

    init(helpers: Int) {
        startHelpers(upTo: helpers)
    }

    /// Starts helpers until there are `count`. Helpers keep their pool alive: a pool lives as
    /// long as the process (`shared` does; a test's pool leaves its helpers asleep).
    private func startHelpers(upTo count: Int) {
        helpers.withLock { started in
            while started < count {
                started += 1
                let index = started
                let thread = Thread { self.serve(index: index) }
                thread.stackSize = 8 << 20
                thread.name = "primer-worker-\(index)"
                thread.start()
            }
        }
    }

    /// Calls `body(0) … body(chunks − 1)`, spread over the calling thread and up to
    /// `workers − 1` helpers (all the pool has, by default), and returns when all have finished.
    func run(chunks: Int, workers: Int? = nil, _ body: (Int) -> Void) {
        let wanted = (workers ?? (helpers.withLock { $0 } + 1)) - 1
        guard wanted > 0, chunks > 1,
              busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for chunk in 0..<chunks { body(chunk) }
            return
        }
        startHelpers(upTo: wanted)
        withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { job in
                let region = Region(chunks: chunks, helpers: wanted, job: job)
                lock.lock(); current = region; lock.unlock()
                generation.add(1, ordering: .releasing)
                wakeUp.lock(); wakeUp.broadcast(); wakeUp.unlock()
                body(0)
                region.finished.add(1, ordering: .releasing)
                region.work()
                while region.finished.load(ordering: .acquiring) < chunks { primer_spin_pause() }
                lock.lock(); current = nil; lock.unlock()
            }
        }
        busy.store(false, ordering: .releasing)
    }

    /// A helper's life: wait for a region (spinning briefly, then asleep) and help with it if
    /// the region wants this many helpers (helper `index` counts from 1).
    private func serve(index: Int) {
        var seen = 0
        while true {
            let deadline = DispatchTime.now().uptimeNanoseconds + spinNanoseconds
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                primer_spin_pause()
                spins += 1
                if spins % 64 == 0 && DispatchTime.now().uptimeNanoseconds > deadline {
                    wakeUp.lock()
                    while generation.load(ordering: .acquiring) == seen { wakeUp.wait() }
                    wakeUp.unlock()
                }
            }
            seen = generation.load(ordering: .acquiring)
            lock.lock(); let region = current; lock.unlock()
            if let region, index <= region.helpers { region.work() }
        }
    }
}
