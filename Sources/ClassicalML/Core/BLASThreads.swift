import NumericCore

/// Runs `body` with OpenBLAS limited to one thread, for code that already spreads its BLAS
/// calls over the cores with `Parallel`; nested threading would oversubscribe the cores.
func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
    try BLAS.withThreads(1, body)
}

/// Runs `body` with OpenBLAS on its own full thread count, for single large products and
/// factorisations. (The deep-learning engine leaves OpenBLAS at one thread after its products,
/// so a classical model fitted after a network asks for the threads back.)
func withParallelBLAS<T>(_ body: () throws -> T) rethrows -> T {
    try BLAS.withThreads(BLAS.defaultThreads, body)
}
