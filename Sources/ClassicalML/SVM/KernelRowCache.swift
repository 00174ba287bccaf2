import NumericCore

/// Kernel rows `K(x_i, ·)` of one training problem, computed on demand and kept up to a memory
/// budget; when full, the least recently used row is dropped.
final class KernelRowCache {
    let x: Matrix
    let norms: [Double]
    let kernel: ResolvedKernel
    private let capacity: Int
    private var slotOf: [Int: Int] = [:]
    private var rows: [[Double]] = []
    private var owner: [Int] = []
    private var lastUse: [Int] = []
    private var clock = 0
    /// The diagonal `K(x_i, x_i)`.
    let diagonal: [Double]
    /// The rows in single precision when the problem is large (see `singlePrecisionSize`).
    private let single: [Float]?

    /// From this many values (`rows × columns`), dot products are taken in single precision by
    /// one `sgemv` per kernel row: half the memory traffic of double, and the kernel values
    /// (computed in double from the dots and exact norms) move by about 1e-7.
    static let singlePrecisionSize = 1 << 20

    init(x: Matrix, kernel: ResolvedKernel, budgetBytes: Int) {
        self.x = x; self.kernel = kernel
        single = x.values.count >= KernelRowCache.singlePrecisionSize ? x.values.map(Float.init) : nil
        norms = x.rowSquaredNorms
        capacity = max(2, budgetBytes / max(1, 8 * x.rows))
        diagonal = norms.map { kernel.value(dot: $0, normA: $0, normB: $0) }
    }

    /// Row `i` of the kernel matrix.
    func row(_ i: Int) -> [Double] {
        clock += 1
        if let slot = slotOf[i] { lastUse[slot] = clock; return rows[slot] }
        let values = compute(i)
        if rows.count < capacity {
            slotOf[i] = rows.count
            rows.append(values); owner.append(i); lastUse.append(clock)
        } else {
            let victim = lastUse.indices.min { lastUse[$0] < lastUse[$1] }!
            slotOf[owner[victim]] = nil
            slotOf[i] = victim
            rows[victim] = values; owner[victim] = i; lastUse[victim] = clock
        }
        return values
    }

    /// One row: by `sgemv` for large problems, otherwise by dot products (BLAS `ddot`; reading
    /// the rows once from cache beats a matrix–vector GEMM, which would first repack the matrix).
    private func compute(_ i: Int) -> [Double] {
        let d = x.columns
        if let single {
            var dots = [Float](repeating: 0, count: x.rows)
            single.withUnsafeBufferPointer { a in
                dots.withUnsafeMutableBufferPointer { out in
                    BLAS.gemv(m: x.rows, n: d, a: a.baseAddress!, lda: d, x: a.baseAddress! + i * d, y: out.baseAddress!)
                }
            }
            let normI = norms[i]
            return norms.withUnsafeBufferPointer { n in
                (0..<x.rows).map { t in kernel.value(dot: Double(dots[t]), normA: normI, normB: n[t]) }
            }
        }
        var row = [Double](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { data in
            let base = data.baseAddress!
            for t in 0..<x.rows {
                let dot = BLAS.dot(count: d, x: base + i * d, y: base + t * d)
                row[t] = kernel.value(dot: dot, normA: norms[i], normB: norms[t])
            }
        }
        return row
    }
}
