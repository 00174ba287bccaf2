import NumericCore

/// Runs `body` with OpenBLAS limited to one thread, for code that already spreads its BLAS
/// calls over the cores with `Parallel`; nested threading would oversubscribe the cores.
func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
    let saved = BLAS.threads
    BLAS.threads = 1
    defer { BLAS.threads = saved }
    return try body()
}
