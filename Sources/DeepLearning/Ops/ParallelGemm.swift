import NumericCore

/// Single-precision GEMM for the engine: OpenBLAS runs single-threaded and large products are
/// split across `Parallel` workers instead. On two cores, OpenBLAS's own worker threads keep
/// spinning after each call and starve the engine's loops (im2col, pooling, activations) that
/// run between products; splitting the work ourselves avoids that.
///
/// OpenBLAS's results depend (in the last bits) on the shape of each call, so the split is part
/// of the numerics: `.columns`, the default, is the split the course's outputs were recorded
/// with. `.largerSide` splits a tall product (`m > n`) by rows instead, so that each worker packs
/// only half of the large operand; the fused LSTM uses it for its products over all steps.
///
///     Gemm.run(transB: .transposed, m: 64, n: 256, k: 784, a: x, lda: 784, b: w, ldb: 784, c: y, ldc: 256)
enum Gemm {
    /// Products of at least this many multiply-adds are split across workers.
    static let parallelWork = 1 << 21

    /// How a large product is divided between workers.
    enum Split { case columns, largerSide }

    static func run(transA: Transpose = .none, transB: Transpose = .none, m: Int, n: Int, k: Int,
                    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, split: Split = .columns) {
        singleThreadedBLAS {
            let workers = Parallel.workers, byRows = split == .largerSide && m > n
            guard workers > 1, m * n * k >= parallelWork, (byRows ? m : n) >= 2 * workers else {
                serial(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
                return
            }
            if byRows {
                Parallel.forChunks(0..<m, minChunk: Swift.max(1, m / workers)) { rows in
                    let first = rows.lowerBound
                    let block = transA == .none ? a + first * lda : a + first
                    serial(transA: transA, transB: transB, m: rows.count, n: n, k: k, a: block, lda: lda,
                           b: b, ldb: ldb, beta: beta, c: c + first * ldc, ldc: ldc)
                }
            } else {
                Parallel.forChunks(0..<n, minChunk: Swift.max(1, n / workers)) { columns in
                    let first = columns.lowerBound
                    let block = transB == .none ? b + first : b + first * ldb
                    serial(transA: transA, transB: transB, m: m, n: columns.count, k: k, a: a, lda: lda,
                           b: block, ldb: ldb, beta: beta, c: c + first, ldc: ldc)
                }
            }
        }
    }
}

extension Gemm {
    /// Runs `body` with OpenBLAS held to one thread, for loops that call `serial` from several
    /// `Parallel` workers at once. The engine makes every product this way, so it leaves OpenBLAS
    /// at one thread instead of switching back after each call: a switch costs OpenBLAS a
    /// rearrangement of its thread buffers, which measured about a tenth of a CNN training step.
    /// Code that wants OpenBLAS's own threads asks for them (`BLAS.withThreads`), as
    /// `ClassicalML` does.
    static func singleThreadedBLAS<Result>(_ body: () -> Result) -> Result {
        BLAS.threads = 1
        return body()
    }

    /// One product on the calling thread, never split; call it inside `singleThreadedBLAS`.
    @inline(__always)
    static func serial(transA: Transpose = .none, transB: Transpose = .none, m: Int, n: Int, k: Int,
                       a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                       beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}
