// The one file that talks to OpenBLAS (BLAS and LAPACK). Everything above it sees Swift
// types only: `Transpose`, pointers to `Float`/`Double`, `Int` sizes.
import COpenBLAS
import Foundation

/// Whether a matrix operand is read as stored or transposed.
public enum Transpose: Sendable {
    case none, transposed
    fileprivate var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// Dense linear algebra on row-major buffers, through OpenBLAS.
///
///     // C (2×2) = A (2×3) · B (3×2)
///     BLAS.gemm(m: 2, n: 2, k: 3, a: a, lda: 3, b: b, ldb: 2, c: c, ldc: 2)
public enum BLAS {
    /// The number of threads OpenBLAS uses for one call. Setting it is not free (OpenBLAS
    /// rearranges its per-thread buffers), so the setter does nothing when the value is unchanged.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set {
            _ = defaultThreads   // remembered before the first change
            if newValue != threads { openblas_set_num_threads(Int32(newValue)) }
        }
    }

    /// OpenBLAS's own thread count when the process started (`OPENBLAS_NUM_THREADS` or the cores).
    public static let defaultThreads = Int(openblas_get_num_threads())

    /// Runs `body` with OpenBLAS on `count` threads, then sets the count back if it changed.
    /// Calls on different threads run one at a time (nested calls on one thread are fine), so
    /// that two never change the count under each other. The engines do not use it: they keep
    /// OpenBLAS at one thread (`singleThreaded`), which this sets back at their next call; it is
    /// for measuring OpenBLAS itself, and for tests that check the engines ignore the setting.
    ///
    ///     BLAS.withThreads(4) { BLAS.gemm(m: 512, n: 512, k: 512, a: a, lda: 512, b: b, ldb: 512, c: c, ldc: 512) }
    public static func withThreads<Result>(_ count: Int, _ body: () throws -> Result) rethrows -> Result {
        threadSetting.lock()
        defer { threadSetting.unlock() }
        let previous = threads
        threads = count
        defer { threads = previous }
        return try body()
    }

    /// Held by `withThreads` for its whole body.
    private static let threadSetting = NSRecursiveLock()

    /// `C = alpha · op(A) · op(B) + beta · C`, single precision, row-major.
    public static func gemm(
        transA: Transpose = .none, transB: Transpose = .none,
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        cblas_sgemm(CblasRowMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `C = alpha · op(A) · op(B) + beta · C`, double precision, row-major.
    public static func gemm(
        transA: Transpose = .none, transB: Transpose = .none,
        m: Int, n: Int, k: Int, alpha: Double = 1,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double = 0, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        cblas_dgemm(CblasRowMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The Gram matrix `C = alpha · Aᵀ · A + beta · C` of a row-major `A` (`rows × n`), double
    /// precision: half the work of the equivalent `gemm`. Only the lower triangle of the row-major
    /// `n × n` result `C` is written (the upper is left as it was).
    ///
    ///     BLAS.gramLower(rows: 3, n: 2, a: a, lda: 2, c: c, ldc: 2)   // c[0], c[2], c[3] set
    public static func gramLower(
        rows: Int, n: Int, alpha: Double = 1, a: UnsafePointer<Double>, lda: Int,
        beta: Double = 0, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard n > 0 else { return }
        cblas_dsyrk(CblasRowMajor, CblasLower, CblasTrans, Int32(n), Int32(rows), alpha, a, Int32(lda), beta, c, Int32(ldc))
    }

    /// `gramLower` in single precision (`ssyrk`).
    public static func gramLower(
        rows: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard n > 0 else { return }
        cblas_ssyrk(CblasRowMajor, CblasLower, CblasTrans, Int32(n), Int32(rows), alpha, a, Int32(lda), beta, c, Int32(ldc))
    }

    /// `y = alpha · op(A) · x + beta · y`, single precision, row-major `A` of `m × n`.
    public static func gemv(
        trans: Transpose = .none, m: Int, n: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>, incX: Int = 1,
        beta: Float = 0, y: UnsafeMutablePointer<Float>, incY: Int = 1
    ) {
        guard m > 0, n > 0 else { return }
        cblas_sgemv(CblasRowMajor, trans.cblas, Int32(m), Int32(n), alpha, a, Int32(lda),
                    x, Int32(incX), beta, y, Int32(incY))
    }

    /// `y += alpha · x` over `count` elements.
    public static func axpy(count: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        guard count > 0 else { return }
        cblas_saxpy(Int32(count), alpha, x, 1, y, 1)
    }

    /// The dot product of `count` elements.
    public static func dot(count: Int, x: UnsafePointer<Float>, y: UnsafePointer<Float>) -> Float {
        guard count > 0 else { return 0 }
        return cblas_sdot(Int32(count), x, 1, y, 1)
    }

    /// The dot product of `count` doubles.
    public static func dot(count: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>) -> Double {
        guard count > 0 else { return 0 }
        return cblas_ddot(Int32(count), x, 1, y, 1)
    }
}

/// A LAPACK routine reported failure (`info != 0`).
public struct LAPACKError: Error, CustomStringConvertible {
    public let routine: String
    public let info: Int
    public var description: String { "LAPACK \(routine) failed (info = \(info))" }
}

/// The LAPACK routines the engines need, on row-major Swift arrays.
public enum LAPACK {
    /// Eigen-decomposition of a symmetric `n × n` matrix (row-major).
    /// Returns eigenvalues in ascending order and the eigenvectors as the rows of `vectors`.
    ///
    ///     let (values, vectors) = try LAPACK.symmetricEigen([2, 1, 1, 2], n: 2)  // values [1, 3]
    public static func symmetricEigen(_ matrix: [Double], n: Int) throws -> (values: [Double], vectors: [Double]) {
        engineRequire(matrix.count == n * n, "symmetricEigen: expected \(n * n) values, got \(matrix.count)")
        if n == 0 { return ([], []) }
        // Column-major and row-major agree for a symmetric matrix; the result's columns are
        // eigenvectors, which read row-major are its rows.
        var a = matrix
        var w = [Double](repeating: 0, count: n)
        var jobz: CChar = 86 /* V */, uplo: CChar = 76 /* L */
        var nn = Int32(n), lda = Int32(n), info: Int32 = 0
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workQuery = [Double](repeating: 0, count: 1)
        var iworkQuery = [Int32](repeating: 0, count: 1)
        dsyevd_(&jobz, &uplo, &nn, &a, &lda, &w, &workQuery, &lwork, &iworkQuery, &liwork, &info)
        lwork = Int32(workQuery[0]); liwork = iworkQuery[0]
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_(&jobz, &uplo, &nn, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        if info != 0 { throw LAPACKError(routine: "dsyevd", info: Int(info)) }
        return (w, a)
    }

    /// The `count` largest eigenvalues of a symmetric `n × n` matrix (row-major; only its lower
    /// triangle is read), ascending, with their eigenvectors as the rows of `vectors`
    /// (`count × n`). LAPACK `dsyevr` (relatively robust representations) computes just those
    /// eigenpairs, much less work than a full decomposition when `count` is small.
    ///
    ///     let (values, vectors) = try LAPACK.symmetricTopEigen([2, 1, 1, 2], n: 2, count: 1)  // values [3]
    public static func symmetricTopEigen(_ matrix: [Double], n: Int, count: Int) throws -> (values: [Double], vectors: [Double]) {
        engineRequire(matrix.count == n * n, "symmetricTopEigen: expected \(n * n) values, got \(matrix.count)")
        engineRequire(count >= 0 && count <= n, "symmetricTopEigen: count \(count) outside 0...\(n)")
        if count == 0 { return ([], []) }
        // Row-major lower triangle = column-major upper triangle.
        var a = matrix
        var jobz: CChar = 86 /* V */, range: CChar = 73 /* I */, uplo: CChar = 85 /* U */
        var nn = Int32(n), lda = Int32(n), ldz = Int32(n), info: Int32 = 0
        var vl = 0.0, vu = 0.0, il = Int32(n - count + 1), iu = Int32(n), abstol = 0.0, found: Int32 = 0
        var w = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n * count)
        var support = [Int32](repeating: 0, count: 2 * count)
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workQuery = [Double](repeating: 0, count: 1)
        var iworkQuery = [Int32](repeating: 0, count: 1)
        dsyevr_(&jobz, &range, &uplo, &nn, &a, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w, &z, &ldz, &support,
                &workQuery, &lwork, &iworkQuery, &liwork, &info)
        lwork = Int32(workQuery[0]); liwork = iworkQuery[0]
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevr_(&jobz, &range, &uplo, &nn, &a, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w, &z, &ldz, &support,
                &work, &lwork, &iwork, &liwork, &info)
        if info != 0 || Int(found) != count { throw LAPACKError(routine: "dsyevr", info: Int(info)) }
        // z is column-major n × count: its columns, read row-major, are the rows.
        return (Array(w[0..<count]), z)
    }

    /// `symmetricTopEigen` in single precision (`ssyevr`).
    public static func symmetricTopEigen(_ matrix: [Float], n: Int, count: Int) throws -> (values: [Float], vectors: [Float]) {
        engineRequire(matrix.count == n * n, "symmetricTopEigen: expected \(n * n) values, got \(matrix.count)")
        engineRequire(count >= 0 && count <= n, "symmetricTopEigen: count \(count) outside 0...\(n)")
        if count == 0 { return ([], []) }
        var a = matrix
        var jobz: CChar = 86 /* V */, range: CChar = 73 /* I */, uplo: CChar = 85 /* U */
        var nn = Int32(n), lda = Int32(n), ldz = Int32(n), info: Int32 = 0
        var vl: Float = 0, vu: Float = 0, il = Int32(n - count + 1), iu = Int32(n), abstol: Float = 0, found: Int32 = 0
        var w = [Float](repeating: 0, count: n)
        var z = [Float](repeating: 0, count: n * count)
        var support = [Int32](repeating: 0, count: 2 * count)
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workQuery = [Float](repeating: 0, count: 1)
        var iworkQuery = [Int32](repeating: 0, count: 1)
        ssyevr_(&jobz, &range, &uplo, &nn, &a, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w, &z, &ldz, &support,
                &workQuery, &lwork, &iworkQuery, &liwork, &info)
        lwork = Int32(workQuery[0]); liwork = iworkQuery[0]
        var work = [Float](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        ssyevr_(&jobz, &range, &uplo, &nn, &a, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w, &z, &ldz, &support,
                &work, &lwork, &iwork, &liwork, &info)
        if info != 0 || Int(found) != count { throw LAPACKError(routine: "ssyevr", info: Int(info)) }
        return (Array(w[0..<count]), z)
    }

    /// Thin singular value decomposition of a row-major `m × n` matrix:
    /// `A = U · diag(s) · Vᵀ` with `U` of `m × r`, `Vᵀ` of `r × n`, `r = min(m, n)`, all row-major,
    /// singular values descending.
    public static func svd(_ matrix: [Float], rows m: Int, columns n: Int) throws -> (u: [Float], s: [Float], vt: [Float]) {
        engineRequire(matrix.count == m * n, "svd: expected \(m * n) values, got \(matrix.count)")
        let r = min(m, n)
        if r == 0 { return ([], [], []) }
        // A row-major m×n matrix is, read column-major, Aᵀ (n×m). Decompose Aᵀ = U' S V'ᵀ;
        // then A = V' S U'ᵀ, so U = V' and Vᵀ = U'ᵀ, which read back row-major line up.
        var a = matrix
        var s = [Float](repeating: 0, count: r)
        var uPrime = [Float](repeating: 0, count: n * r)   // column-major n×r
        var vtPrime = [Float](repeating: 0, count: r * m)  // column-major r×m
        var jobz: CChar = 83 /* S */
        var mm = Int32(n), nn = Int32(m), lda = Int32(n), ldu = Int32(n), ldvt = Int32(r)
        var info: Int32 = 0, lwork: Int32 = -1
        var iwork = [Int32](repeating: 0, count: 8 * r)
        var workQuery: Float = 0
        sgesdd_(&jobz, &mm, &nn, &a, &lda, &s, &uPrime, &ldu, &vtPrime, &ldvt, &workQuery, &lwork, &iwork, &info)
        lwork = Int32(workQuery)
        var work = [Float](repeating: 0, count: max(1, Int(lwork)))
        sgesdd_(&jobz, &mm, &nn, &a, &lda, &s, &uPrime, &ldu, &vtPrime, &ldvt, &work, &lwork, &iwork, &info)
        if info != 0 { throw LAPACKError(routine: "sgesdd", info: Int(info)) }
        // vtPrime column-major r×m == row-major m×r: that is U. uPrime column-major n×r == row-major r×n: that is Vᵀ.
        return (vtPrime, s, uPrime)
    }

    /// Solves `A · X = B` for a symmetric positive-definite `A` (`n × n`) and `B` of `n × nrhs`,
    /// both row-major, by Cholesky. Throws when `A` is not positive definite.
    public static func choleskySolve(_ a: [Double], n: Int, _ b: [Double], nrhs: Int) throws -> [Double] {
        engineRequire(a.count == n * n && b.count == n * nrhs, "choleskySolve: shape mismatch")
        if n == 0 { return [] }
        var factor = a
        var uplo: CChar = 76, nn = Int32(n), lda = Int32(n), info: Int32 = 0
        dpotrf_(&uplo, &nn, &factor, &lda, &info)
        if info != 0 { throw LAPACKError(routine: "dpotrf", info: Int(info)) }
        // B row-major n×nrhs is column-major nrhs×n; transpose into column-major n×nrhs.
        var x = [Double](repeating: 0, count: n * nrhs)
        for i in 0..<n { for j in 0..<nrhs { x[j * n + i] = b[i * nrhs + j] } }
        var rhs = Int32(nrhs), ldb = Int32(n)
        dpotrs_(&uplo, &nn, &rhs, &factor, &lda, &x, &ldb, &info)
        if info != 0 { throw LAPACKError(routine: "dpotrs", info: Int(info)) }
        var out = [Double](repeating: 0, count: n * nrhs)
        for i in 0..<n { for j in 0..<nrhs { out[i * nrhs + j] = x[j * n + i] } }
        return out
    }
}

extension BLAS {
    /// Runs `body` with OpenBLAS on one thread and leaves it there. The engines make every BLAS
    /// and LAPACK call this way and split large work themselves (`GemmSlices`, `Parallel`):
    /// OpenBLAS's results depend on its thread count (measured in ARCHITECTURE.md, "Engine
    /// decisions"), the engines' must not. Leaving the count at one spares OpenBLAS the
    /// rearrangement of its buffers that each change costs.
    ///
    ///     let c = BLAS.singleThreaded { BLAS.gemm(m: 2, n: 2, k: 3, a: a, lda: 3, b: b, ldb: 2, c: c, ldc: 2) }
    public static func singleThreaded<Result>(_ body: () throws -> Result) rethrows -> Result {
        threads = 1
        return try body()
    }
}
