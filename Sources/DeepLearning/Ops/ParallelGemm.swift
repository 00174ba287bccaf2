import NumericCore

/// Single-precision GEMM for the engine: OpenBLAS runs single-threaded and large products are
/// split by columns across `Parallel` workers instead. On two cores, OpenBLAS's own worker
/// threads keep spinning after each call and starve the engine's loops (im2col, pooling,
/// activations) that run between products; splitting the work ourselves avoids that.
/// The previous OpenBLAS thread count is restored after each call.
enum Gemm {
    /// Products below this many multiply-adds run on the calling thread.
    static let parallelWork = 1 << 21

    static func run(transA: Transpose = .none, transB: Transpose = .none, m: Int, n: Int, k: Int,
                    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let previous = BLAS.threads
        if previous != 1 { BLAS.threads = 1 }
        defer { if previous != 1 { BLAS.threads = previous } }
        let workers = Parallel.workers
        guard workers > 1, m * n * k >= parallelWork, n >= 2 * workers else {
            BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        Parallel.forChunks(0..<n, minChunk: Swift.max(1, n / workers)) { columns in
            let first = columns.lowerBound
            let block = transB == .none ? b + first : b + first * ldb
            BLAS.gemm(transA: transA, transB: transB, m: m, n: columns.count, k: k, a: a, lda: lda,
                      b: block, ldb: ldb, beta: beta, c: c + first, ldc: ldc)
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
