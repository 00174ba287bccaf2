/// `x · Wᵀ + b` as one recorded operation, the product of a fully connected layer: the bias is
/// added in place to the GEMM's output, and the backward pass gives all three gradients (two
/// GEMMs and a column sum) without broadcasting temporaries or a second graph node.
///
///     let y = Tensor.affine(x, weight: w, bias: b)   // [N, in] · [out, in]ᵀ + [out] → [N, out]
extension Tensor {
    static func affine(_ input: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        let rows = input.shape[0], features = input.shape[1], outputs = weight.shape[0]
        guard weight.shape[1] == features else {
            shapeFailure(ShapeMessages.matmul(input.shape, weight.shape, transposingB: true))
        }
        let result = uninitialized([rows, outputs])
        Gemm.run(transB: .transposed, m: rows, n: outputs, k: features, a: input.pointer, lda: features,
                 b: weight.pointer, ldb: features, c: result.pointer, ldc: outputs)
        if let bias {
            // Added after the product rather than preloaded into it: a GEMM that adds over
            // several blocks of `features` would otherwise round differently from `x·Wᵀ + b`.
            let out = result.pointer, b = bias.pointer
            for row in 0..<rows {
                let line = out + row * outputs
                for j in 0..<outputs { line[j] += b[j] }
            }
        }
        return record(result, "linear", [input, weight] + (bias.map { [$0] } ?? [])) { g in
            input.accumulateGrad { dst, accumulate in
                Gemm.run(m: rows, n: features, k: outputs, a: g.pointer, lda: outputs, b: weight.pointer, ldb: features,
                         beta: accumulate ? 1 : 0, c: dst, ldc: features)
            }
            weight.accumulateGrad { dst, accumulate in
                Gemm.run(transA: .transposed, m: outputs, n: features, k: rows, a: g.pointer, lda: outputs,
                         b: input.pointer, ldb: features, beta: accumulate ? 1 : 0, c: dst, ldc: features)
            }
            bias?.accumulateGrad { dst, accumulate in
                ColumnSums.add(g.pointer, rows: rows, columns: outputs, into: dst, accumulate: accumulate)
            }
        }
    }
}
