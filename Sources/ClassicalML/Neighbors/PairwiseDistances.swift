import NumericCore

extension Matrix {
    /// Squared Euclidean distances between every row of `self` and every row of `other`
    /// (`self.rows × other.rows`), as `‖a‖² + ‖b‖² − 2 a·b` with the products from one GEMM.
    func squaredDistances(to other: Matrix, otherNorms: [Double]? = nil, ownNorms: [Double]? = nil) -> Matrix {
        var products = multiplied(by: other, transposeOther: true)
        let mine = ownNorms ?? rowSquaredNorms
        let theirs = otherNorms ?? other.rowSquaredNorms
        for r in 0..<rows {
            for c in 0..<other.rows {
                products[r, c] = max(0, mine[r] + theirs[c] - 2 * products[r, c])
            }
        }
        return products
    }
}
