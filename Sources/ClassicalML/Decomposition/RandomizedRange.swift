import NumericCore

/// The randomized SVD of Halko, Martinsson and Tropp (2011) for the top singular directions of
/// a centred data matrix: a Gaussian sketch, a few power iterations with re-orthonormalisation,
/// then an exact decomposition of the small projected matrix.
enum RandomizedSVD {
    /// The top `rank` right singular vectors (rows) and singular values of `a`.
    static func top(_ a: Matrix, rank: Int, oversampling: Int = 10, powerIterations: Int, seed: UInt64) throws
        -> (vectors: Matrix, values: [Double]) {
        let k = min(rank + oversampling, min(a.rows, a.columns))
        var rng = SeededGenerator(seed: seed)
        let omega = Matrix(rows: a.columns, columns: k, values: (0..<(a.columns * k)).map { _ in rng.nextNormal() })
        var y = try orthonormalColumns(a * omega)                          // n × k
        for _ in 0..<powerIterations {
            let z = try orthonormalColumns(a.multiplied(by: y, transposeSelf: true))   // d × k
            y = try orthonormalColumns(a * z)
        }
        let b = y.multiplied(by: a, transposeSelf: true)                   // k × d
        let (values, vectors) = try withSingleThreadedBLAS { try LAPACK.symmetricEigen(b.multiplied(by: b, transposeOther: true).values, n: k) }
        // Eigenvalues ascend: the largest come last. Right singular vectors: σ⁻¹ uᵀ B.
        var rows: [Double] = [], singular: [Double] = []
        for r in 0..<rank {
            let index = k - 1 - r
            let sigma = max(values[index], 0).squareRoot()
            let u = Matrix(rows: 1, columns: k, values: Array(vectors[index * k ..< (index + 1) * k]))
            let v = (u * b).values
            rows += v.map { sigma > 0 ? $0 / sigma : 0 }
            singular.append(sigma)
        }
        return (Matrix(rows: rank, columns: a.columns, values: rows), singular)
    }

    /// An orthonormal basis of the column space of `y` (same shape), through the eigenvectors of
    /// the small Gram matrix `yᵀy`.
    static func orthonormalColumns(_ y: Matrix) throws -> Matrix {
        let gram = y.multiplied(by: y, transposeSelf: true)
        let (values, vectors) = try withSingleThreadedBLAS { try LAPACK.symmetricEigen(gram.values, n: y.columns) }
        let largest = values.last ?? 0
        // Columns of V scaled by λ^(−1/2); directions with negligible energy are dropped to zero.
        var transform = Matrix(rows: y.columns, columns: y.columns)
        for j in 0..<y.columns where values[j] > largest * 1e-14 {
            let scale = 1 / values[j].squareRoot()
            for i in 0..<y.columns { transform[i, j] = vectors[j * y.columns + i] * scale }
        }
        return y * transform
    }
}
