import NumericCore

/// The top principal directions of data through its covariance matrix: the Gram matrix of the
/// centred data `XᵀX / (n − 1)` by `?syrk` (one triangle, half a GEMM's work), then only the
/// wanted eigenpairs by `?syevr`, rather than all `d` of them.
///
///     let top = try CovarianceEigen.top(x, means: x.columnMeans, count: 2)
///     top.vectors          // 2 × d, largest variance first
///     top.values           // the variances along them, descending
///     top.totalVariance    // the trace of the covariance
///
/// Large problems (`rows · d²` of 2³¹ and more) work in single precision, as scikit-learn does
/// on float32 data: twice the speed, and about six significant digits in the variances.
enum CovarianceEigen {
    /// The work (`rows · d²`) from which the route is single precision.
    static let singlePrecisionWork = 1 << 31

    /// `singlePrecision` overrides the choice by size.
    static func top(_ x: Matrix, means: [Double], count: Int, singlePrecision: Bool? = nil) throws
        -> (vectors: Matrix, values: [Double], totalVariance: Double) {
        let d = x.columns
        let (values, vectors, totalVariance) = try withSingleThreadedBLAS { () throws -> ([Double], [Double], Double) in
            if singlePrecision ?? (x.rows * d * d >= singlePrecisionWork) {
                let covariance = singleCovariance(x, means: means)
                let (ascending, found) = try LAPACK.symmetricTopEigen(covariance, n: d, count: count)
                return (ascending.map(Double.init), found.map(Double.init),
                        (0..<d).map { Double(covariance[$0 * d + $0]) }.reduce(0, +))
            }
            let covariance = doubleCovariance(x, means: means)
            let (ascending, found) = try LAPACK.symmetricTopEigen(covariance, n: d, count: count)
            return (ascending, found, (0..<d).map { covariance[$0 * d + $0] }.reduce(0, +))
        }
        var rows: [Double] = []
        rows.reserveCapacity(count * d)
        for rank in 0..<count {
            let index = count - 1 - rank                      // eigenvalues ascend
            rows += vectors[index * d ..< (index + 1) * d]
        }
        return (Matrix(rows: count, columns: d, values: rows), values.reversed().map { max(0, $0) }, totalVariance)
    }

    /// The covariance (lower triangle) in double precision.
    static func doubleCovariance(_ x: Matrix, means: [Double]) -> [Double] {
        let d = x.columns, alpha = 1 / Double(max(1, x.rows - 1))
        let centred = centredValues(x, means: means, as: Double.self)
        return centred.withUnsafeBufferPointer { a in
            sumInOrder(Parallel.mapChunks(0..<x.rows, minChunk: gramChunkRows(d), maxChunks: 8) { rows in
                var partial = [Double](repeating: 0, count: d * d)
                partial.withUnsafeMutableBufferPointer { c in
                    BLAS.gramLower(rows: rows.count, n: d, alpha: alpha, a: a.baseAddress! + rows.lowerBound * d, lda: d,
                                   c: c.baseAddress!, ldc: d)
                }
                return partial
            })
        }
    }

    /// The covariance (lower triangle) accumulated in single precision.
    static func singleCovariance(_ x: Matrix, means: [Double]) -> [Float] {
        let d = x.columns, alpha = 1 / Float(max(1, x.rows - 1))
        let centred = centredValues(x, means: means, as: Float.self)
        return centred.withUnsafeBufferPointer { a in
            sumInOrder(Parallel.mapChunks(0..<x.rows, minChunk: gramChunkRows(d), maxChunks: 8) { rows in
                var partial = [Float](repeating: 0, count: d * d)
                partial.withUnsafeMutableBufferPointer { c in
                    BLAS.gramLower(rows: rows.count, n: d, alpha: alpha, a: a.baseAddress! + rows.lowerBound * d, lda: d,
                                   c: c.baseAddress!, ldc: d)
                }
                return partial
            })
        }
    }

    /// The fewest rows in one chunk of the Gram matrix: enough for about `GemmSlices.parallelWork`
    /// multiply-adds. The chunks are set by the data's size alone and summed in order, so the
    /// covariance is the same for every thread count.
    static func gramChunkRows(_ d: Int) -> Int { max(256, GemmSlices.parallelWork / max(1, d * d)) }

    /// The element-wise sum of equally long partial results, added in their order.
    static func sumInOrder<T: FloatingPoint>(_ partials: [[T]]) -> [T] {
        guard var total = partials.first else { return [] }
        for partial in partials.dropFirst() { for i in total.indices { total[i] += partial[i] } }
        return total
    }

    /// `x` minus its column means, row-major, in one pass.
    static func centredValues<T: BinaryFloatingPoint>(_ x: Matrix, means: [Double], as: T.Type) -> [T] {
        let d = x.columns
        return [T](unsafeUninitializedCapacity: x.values.count) { out, initialised in
            x.values.withUnsafeBufferPointer { values in
                means.withUnsafeBufferPointer { m in
                    for r in 0..<x.rows {
                        for c in 0..<d { out[r * d + c] = T(values[r * d + c] - m[c]) }
                    }
                }
            }
            initialised = x.values.count
        }
    }
}
