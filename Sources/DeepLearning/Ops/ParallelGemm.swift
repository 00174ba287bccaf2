import NumericCore

/// Single-precision GEMM for the engine: OpenBLAS runs single-threaded and large products are
/// cut into slices by their shape (`GemmSlices`) and spread over `Parallel`'s workers instead.
/// On two cores, OpenBLAS's own worker threads keep spinning after each call and starve the
/// engine's loops (im2col, pooling, activations) that run between products; and OpenBLAS's
/// results depend on its thread count, while slices set by the shape give the same bits for
/// every thread count.
///
/// `.columns`, the default, slices by columns of the result. `.largerSide` slices a tall product
/// (`m > n`) by rows instead, so that each slice packs only its part of the large operand; the
/// fused LSTM uses it for its products over all steps.
///
///     Gemm.run(transB: .transposed, m: 64, n: 256, k: 784, a: x, lda: 784, b: w, ldb: 784, c: y, ldc: 256)
enum Gemm {
    /// Products of at least this many multiply-adds are split across workers.
    static let parallelWork = GemmSlices.parallelWork

    static func run(transA: Transpose = .none, transB: Transpose = .none, m: Int, n: Int, k: Int,
                    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, split: GemmSlices.Split = .columns) {
        let slices = GemmSlices(m: m, n: n, k: k, split: split)
        singleThreadedBLAS {
            slices.forEach { part in
                let first = part.lowerBound
                if slices.byRows {
                    let block = transA == .none ? a + first * lda : a + first
                    serial(transA: transA, transB: transB, m: part.count, n: n, k: k, a: block, lda: lda,
                           b: b, ldb: ldb, beta: beta, c: c + first * ldc, ldc: ldc)
                } else {
                    let block = transB == .none ? b + first : b + first * ldb
                    serial(transA: transA, transB: transB, m: m, n: part.count, k: k, a: a, lda: lda,
                           b: block, ldb: ldb, beta: beta, c: c + first, ldc: ldc)
                }
            }
        }
    }
}

extension Gemm {
    /// Runs `body` with OpenBLAS held to one thread (`BLAS.singleThreaded`), for loops that call
    /// `serial` from several `Parallel` workers at once.
    static func singleThreadedBLAS<Result>(_ body: () -> Result) -> Result {
        BLAS.singleThreaded(body)
    }

    /// One product on the calling thread, never split; call it inside `singleThreadedBLAS`.
    @inline(__always)
    static func serial(transA: Transpose = .none, transB: Transpose = .none, m: Int, n: Int, k: Int,
                       a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                       beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}
