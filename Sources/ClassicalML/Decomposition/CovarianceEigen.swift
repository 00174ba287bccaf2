import NumericCore

/// The top principal directions of centred data through its covariance matrix: the Gram
/// matrix `XᵀX / (n − 1)` by `dsyrk` (one triangle, half a GEMM's work), then only the wanted
/// eigenpairs by `dsyevr`, rather than all `d` of them.
///
///     let top = try CovarianceEigen.top(centred, count: 2)
///     top.vectors          // 2 × d, largest variance first
///     top.values           // the variances along them, descending
///     top.totalVariance    // the trace of the covariance
enum CovarianceEigen {
    static func top(_ centred: Matrix, count: Int) throws -> (vectors: Matrix, values: [Double], totalVariance: Double) {
        let d = centred.columns
        let denominator = Double(max(1, centred.rows - 1))
        var covariance = [Double](repeating: 0, count: d * d)
        centred.values.withUnsafeBufferPointer { a in
            covariance.withUnsafeMutableBufferPointer { c in
                BLAS.gramLower(rows: centred.rows, n: d, alpha: 1 / denominator, a: a.baseAddress!, lda: d,
                               c: c.baseAddress!, ldc: d)
            }
        }
        let totalVariance = (0..<d).map { covariance[$0 * d + $0] }.reduce(0, +)
        let (ascending, vectors) = try LAPACK.symmetricTopEigen(covariance, n: d, count: count)
        var rows: [Double] = []
        rows.reserveCapacity(count * d)
        for rank in 0..<count {
            let index = count - 1 - rank                      // eigenvalues ascend
            rows += vectors[index * d ..< (index + 1) * d]
        }
        return (Matrix(rows: count, columns: d, values: rows), ascending.reversed().map { max(0, $0) }, totalVariance)
    }
}
