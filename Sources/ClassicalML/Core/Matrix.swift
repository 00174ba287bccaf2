import NumericCore

/// A dense, row-major matrix of `Double`: the input type of every ClassicalML model.
///
/// `Double` (not `Float`) so that results match scikit-learn, which computes in float64; the
/// classical models are small enough that the extra precision costs little.
///
///     let x = Matrix([[1, 2], [3, 4], [5, 6]])
///     x.rows, x.columns        // 3, 2
///     x[1, 0]                  // 3
///     x.rows([0, 2])           // rows 0 and 2
///     x.columnMeans            // [3, 4]
///     let g = x.transposed() * x   // 2×2 Gram matrix, through BLAS
public struct Matrix: Sendable, Equatable {
    /// The number of rows (samples).
    public let rows: Int
    /// The number of columns (features).
    public let columns: Int
    /// `rows × columns` values, row after row.
    public var values: [Double]

    /// A matrix of the given shape from row-major values.
    public init(rows: Int, columns: Int, values: [Double]) {
        engineRequire(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "Matrix(rows: \(rows), columns: \(columns)): \(values.count) values do not fill \(rows)×\(columns) (\(rows * columns) needed); pass exactly rows × columns values, row by row")
        self.rows = rows; self.columns = columns; self.values = values
    }

    /// A matrix of the given shape filled with one value.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: value, count: rows * columns))
    }

    /// A matrix from an array of equally long rows.
    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        engineRequire(rowArrays.allSatisfy { $0.count == width }, "Matrix: rows have different lengths")
        self.init(rows: rowArrays.count, columns: width, values: rowArrays.flatMap { $0 })
    }

    /// A one-column matrix, for models of a single feature.
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, values: column)
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The values of one row.
    public func row(_ index: Int) -> [Double] {
        Array(values[index * columns ..< (index + 1) * columns])
    }

    /// The values of one column.
    public func column(_ index: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + index] }
    }

    /// A new matrix holding the given rows, in the given order (repeats allowed).
    public func rows(_ indices: [Int]) -> Matrix {
        var picked = [Double]()
        picked.reserveCapacity(indices.count * columns)
        for r in indices { picked.append(contentsOf: values[r * columns ..< (r + 1) * columns]) }
        return Matrix(rows: indices.count, columns: columns, values: picked)
    }

    /// A new matrix holding the given columns, in the given order.
    public func columns(_ indices: [Int]) -> Matrix {
        var picked = [Double]()
        picked.reserveCapacity(indices.count * rows)
        for r in 0..<rows { for c in indices { picked.append(values[r * columns + c]) } }
        return Matrix(rows: rows, columns: indices.count, values: picked)
    }

    /// The rows as arrays.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The transpose.
    public func transposed() -> Matrix {
        Matrix(rows: columns, columns: rows, values: transposedBuffer(values, rows: rows, columns: columns))
    }

    /// Matrix product through BLAS (`dgemm`).
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.multiplied(by: rhs)
    }

    /// `op(self) · op(other)`, where `op` optionally transposes, through BLAS: one
    /// single-threaded call, or for a large product slices set by its shape (`GemmSlices`, the
    /// larger side) spread over the cores.
    public func multiplied(by other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false) -> Matrix {
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let k2 = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        engineRequire(k == k2, "Matrix product: inner sizes \(k) and \(k2) differ")
        var out = [Double](repeating: 0, count: m * n)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { c in
                    let lda = max(1, columns), ldb = max(1, other.columns), ldc = max(1, n)
                    let slices = GemmSlices(m: m, n: n, k: k, split: .largerSide)
                    withSingleThreadedBLAS {
                        slices.forEach { part in
                            let first = part.lowerBound
                            // Rows of op(A) and C, or columns of op(B) and C.
                            let a = slices.byRows ? a.baseAddress! + (transposeSelf ? first : first * lda) : a.baseAddress!
                            let b = slices.byRows ? b.baseAddress! : b.baseAddress! + (transposeOther ? first * ldb : first)
                            let c = c.baseAddress! + (slices.byRows ? first * ldc : first)
                            BLAS.gemm(transA: transposeSelf ? .transposed : .none, transB: transposeOther ? .transposed : .none,
                                      m: slices.byRows ? part.count : m, n: slices.byRows ? n : part.count, k: k,
                                      a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
                        }
                    }
                }
            }
        }
        return Matrix(rows: m, columns: n, values: out)
    }

    /// Matrix–vector product `self · vector`.
    public func multiplied(by vector: [Double]) -> [Double] {
        multiplied(by: Matrix(column: vector)).values
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        let shown = min(rows, 8)
        var lines = ["Matrix \(rows)×\(columns)"]
        for r in 0..<shown {
            let cells = (0..<min(columns, 8)).map { formatNumber(self[r, $0]) }
            lines.append("  [" + cells.joined(separator: ", ") + (columns > 8 ? ", …" : "") + "]")
        }
        if rows > shown { lines.append("  …") }
        return lines.joined(separator: "\n")
    }
}

/// The transpose of a row-major `rows × columns` buffer, copied in 32 × 32 tiles so that both
/// reads and writes stay within a few cache lines.
func transposedBuffer<Element>(_ source: [Element], rows: Int, columns: Int) -> [Element] {
    guard let first = source.first else { return [] }
    var out = [Element](repeating: first, count: source.count)
    let tile = 32
    source.withUnsafeBufferPointer { from in
        out.withUnsafeMutableBufferPointer { to in
            for r0 in stride(from: 0, to: rows, by: tile) {
                for c0 in stride(from: 0, to: columns, by: tile) {
                    for r in r0..<min(rows, r0 + tile) {
                        for c in c0..<min(columns, c0 + tile) { to[c * rows + r] = from[r * columns + c] }
                    }
                }
            }
        }
    }
    return out
}
