import NumericCore

/// Matrix products through `BLAS.gemm`.
///
///     let c = matmul(a, b)                 // [m, k] · [k, n] → [m, n]
///     let batch = matmul(x, w)             // [B, m, k] · [B, k, n] or [B, m, k] · [k, n]
///     let y = matmul(x, weight, transposingB: true)   // x · weightᵀ, as Linear does
public func matmul(_ a: Tensor, _ b: Tensor, transposingB: Bool = false) -> Tensor {
    a.matmul(b, transposingB: transposingB)
}

extension Tensor {
    public func matmul(_ other: Tensor, transposingB: Bool = false) -> Tensor {
        let a = self, b = other
        switch (a.rank, b.rank) {
        case (2, 2):
            return Tensor.matrixProduct(a, b, transposingB: transposingB)
        case (3, 2):
            // Fold the batch into the rows: [B·m, k] · [k, n].
            let flat = a.reshaped([a.shape[0] * a.shape[1], a.shape[2]])
            let product = Tensor.matrixProduct(flat, b, transposingB: transposingB)
            return product.reshaped([a.shape[0], a.shape[1], product.shape[1]])
        case (3, 3):
            return Tensor.batchedProduct(a, b, transposingB: transposingB)
        default:
            shapeFailure("matmul: supports [m, k]·[k, n], [B, m, k]·[k, n] and [B, m, k]·[B, k, n]; got shapes \(a.shape) and \(b.shape)")
        }
    }

    private static func checkInner(_ a: Tensor, _ b: Tensor, _ k: Int, _ kB: Int, transposingB: Bool) {
        guard k == kB else {
            shapeFailure(ShapeMessages.matmul(a.shape, b.shape, transposingB: transposingB))
        }
    }

    static func matrixProduct(_ a: Tensor, _ b: Tensor, transposingB: Bool) -> Tensor {
        let m = a.shape[0], k = a.shape[1]
        let n = transposingB ? b.shape[0] : b.shape[1]
        checkInner(a, b, k, transposingB ? b.shape[1] : b.shape[0], transposingB: transposingB)
        let result = uninitialized([m, n])
        let ldb = b.shape[1]
        let transB: Transpose = transposingB ? .transposed : .none
        Gemm.run(transB: transB, m: m, n: n, k: k, a: a.pointer, lda: k, b: b.pointer, ldb: ldb, c: result.pointer, ldc: n)
        return record(result, "matmul", [a, b]) { g in
            // dA = dC · op(B)ᵀ ; dB = Aᵀ · dC (or its transpose when B was transposed).
            a.accumulateGrad { dst, accumulate in
                Gemm.run(transB: transposingB ? .none : .transposed, m: m, n: k, k: n,
                          a: g.pointer, lda: n, b: b.pointer, ldb: ldb, beta: accumulate ? 1 : 0, c: dst, ldc: k)
            }
            b.accumulateGrad { dst, accumulate in
                if transposingB {
                    Gemm.run(transA: .transposed, m: n, n: k, k: m, a: g.pointer, lda: n, b: a.pointer, ldb: k,
                              beta: accumulate ? 1 : 0, c: dst, ldc: k)
                } else {
                    Gemm.run(transA: .transposed, m: k, n: n, k: m, a: a.pointer, lda: k, b: g.pointer, ldb: n,
                              beta: accumulate ? 1 : 0, c: dst, ldc: n)
                }
            }
        }
    }

    static func batchedProduct(_ a: Tensor, _ b: Tensor, transposingB: Bool) -> Tensor {
        let batch = a.shape[0], m = a.shape[1], k = a.shape[2]
        guard b.shape[0] == batch else {
            shapeFailure("matmul: batch sizes differ: \(a.shape) and \(b.shape); both operands need the same first dimension")
        }
        let n = transposingB ? b.shape[1] : b.shape[2]
        checkInner(a, b, k, transposingB ? b.shape[2] : b.shape[1], transposingB: transposingB)
        let ldb = b.shape[2]
        let strideA = m * k, strideB = b.shape[1] * b.shape[2], strideC = m * n
        let result = uninitialized([batch, m, n])
        for i in 0..<batch {
            Gemm.run(transB: transposingB ? .transposed : .none, m: m, n: n, k: k,
                      a: a.pointer + i * strideA, lda: k, b: b.pointer + i * strideB, ldb: ldb,
                      c: result.pointer + i * strideC, ldc: n)
        }
        return record(result, "batched matmul", [a, b]) { g in
            a.accumulateGrad { dst, accumulate in
                for i in 0..<batch {
                    Gemm.run(transB: transposingB ? .none : .transposed, m: m, n: k, k: n,
                              a: g.pointer + i * strideC, lda: n, b: b.pointer + i * strideB, ldb: ldb,
                              beta: accumulate ? 1 : 0, c: dst + i * strideA, ldc: k)
                }
            }
            b.accumulateGrad { dst, accumulate in
                for i in 0..<batch {
                    if transposingB {
                        Gemm.run(transA: .transposed, m: n, n: k, k: m, a: g.pointer + i * strideC, lda: n,
                                  b: a.pointer + i * strideA, ldb: k, beta: accumulate ? 1 : 0, c: dst + i * strideB, ldc: k)
                    } else {
                        Gemm.run(transA: .transposed, m: k, n: n, k: m, a: a.pointer + i * strideA, lda: k,
                                  b: g.pointer + i * strideC, ldb: n, beta: accumulate ? 1 : 0, c: dst + i * strideB, ldc: n)
                    }
                }
            }
        }
    }
}
