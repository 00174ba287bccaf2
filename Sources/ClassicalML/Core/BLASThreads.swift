import NumericCore

/// Runs `body` with OpenBLAS on one thread (`BLAS.singleThreaded`). Every BLAS and LAPACK call
/// of this engine runs this way: OpenBLAS rounds differently for each thread count, so large
/// products are cut by shape and spread with `Parallel` instead (`Matrix.multiplied`).
func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
    try BLAS.singleThreaded(body)
}
