import NumericCore

/// `C = Aᵀ · B` for a deep product — a weight gradient summed over many rows, `A` `[k, m]` and
/// `B` `[k, n]` with `k` far larger than `m` and `n` — cut along `k` rather than along `m` or
/// `n`. A slice of the result's rows or columns would have to pack the whole of the other
/// operand again; a slice of the depth packs only its own rows of both, and the slices' partial
/// products are then added in slice order. The slices are set by the product's shape
/// (`ChunkPlan`), so the sum rounds the same for every thread count.
///
///     // dW [512, 128] = dGᵀ [512, 1600] · H [1600, 128]
///     Gemm.depthSplitTransposedProduct(m: 512, n: 128, k: 1600, a: dG, lda: 512, b: h, ldb: 128, c: dW, ldc: 128)
extension Gemm {
    /// Depth slices hold at least this many rows of `A` and `B`.
    static let minDepthSlice = 128

    /// `C = Aᵀ·B` (`beta` 0) or `C += Aᵀ·B` (`beta` 1; the sum is formed first, then added).
    static func depthSplitTransposedProduct(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                                            b: UnsafePointer<Float>, ldb: Int, beta: Float = 0,
                                            c: UnsafeMutablePointer<Float>, ldc: Int) {
        let plan = m * n * k < parallelWork ? ChunkPlan(count: k, minChunk: Swift.max(1, k))
            : ChunkPlan(count: k, minChunk: minDepthSlice, maxChunks: GemmSlices.maxSlices)
        guard plan.chunks > 1 else {
            singleThreadedBLAS {
                serial(transA: .transposed, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            }
            return
        }
        let area = m * n
        let partials = Tensor.uninitialized([plan.chunks, area])
        singleThreadedBLAS {
            Parallel.forChunks(ChunkPlan(count: plan.chunks, maxChunks: plan.chunks)) { slices in
                for slice in slices {
                    let depth = plan.range(slice)
                    serial(transA: .transposed, m: m, n: n, k: depth.count, a: a + depth.lowerBound * lda, lda: lda,
                           b: b + depth.lowerBound * ldb, ldb: ldb, c: partials.pointer + slice * area, ldc: n)
                }
            }
        }
        Parallel.forChunks(0..<m, minChunk: Swift.max(1, (1 << 14) / Swift.max(1, n))) { rows in
            let sum = UnsafeMutablePointer<Float>.allocate(capacity: n)
            defer { sum.deallocate() }
            for row in rows {
                sum.update(from: partials.pointer + row * n, count: n)
                for slice in 1..<plan.chunks {
                    let part = partials.pointer + slice * area + row * n
                    for j in 0..<n { sum[j] += part[j] }
                }
                let destination = c + row * ldc
                if beta == 0 {
                    destination.update(from: sum, count: n)
                } else {
                    for j in 0..<n { destination[j] = beta * destination[j] + sum[j] }
                }
            }
        }
    }
}
