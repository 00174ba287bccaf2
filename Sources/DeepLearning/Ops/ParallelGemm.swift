import NumericCore

/// Single-precision GEMM for the engine: OpenBLAS runs single-threaded and large products are
/// split across `Parallel` workers instead. On two cores, OpenBLAS's own worker threads keep
/// spinning after each call and starve the engine's loops (im2col, pooling, activations) that
/// run between products; splitting the work ourselves avoids that.
/// The previous OpenBLAS thread count is restored after each call.
///
/// Each worker packs its share of one operand and all of the other, so the split runs along
/// the larger side of C: by rows when `m > n` (a tall product such as `dG · W` over every step
/// of a sequence), otherwise by columns.
///
///     Gemm.run(transB: .transposed, m: 64, n: 256, k: 784, a: x, lda: 784, b: w, ldb: 784, c: y, ldc: 256)
enum Gemm {
    /// Products of more than this many multiply-adds are split across workers.
    static let parallelWork = 1 << 21

    static func run(transA: Transpose = .none, transB: Transpose = .none, m: Int, n: Int, k: Int,
                    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        singleThreadedBLAS {
            let workers = Parallel.workers
            guard workers > 1, m * n * k > parallelWork, Swift.max(m, n) >= 2 * workers else {
                serial(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
                return
            }
            if m > n {
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
    /// `Parallel` workers at once; restores the previous thread count afterwards.
    static func singleThreadedBLAS<Result>(_ body: () -> Result) -> Result {
        let previous = BLAS.threads
        if previous != 1 { BLAS.threads = 1 }
        defer { if previous != 1 { BLAS.threads = previous } }
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
