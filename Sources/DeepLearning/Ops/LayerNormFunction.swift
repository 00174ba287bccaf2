import NumericCore

import Foundation

/// Layer normalisation over the last axis as one recorded operation:
/// `y = (x − mean) / √(variance + eps) · γ + β`, each row normalised by its own mean and
/// (biased) variance, as PyTorch's `nn.LayerNorm` does. The forward pass keeps one mean and one
/// reciprocal standard deviation per row; the backward pass rebuilds the normalised values from
/// them and gives all three gradients without a graph of elementwise nodes.
///
///     let y = Tensor.layerNorm(x, weight: gamma, bias: beta)   // [..., F] with γ, β of shape [F]
extension Tensor {
    static func layerNorm(_ input: Tensor, weight: Tensor, bias: Tensor, epsilon: Float = 1e-5) -> Tensor {
        let features = weight.count
        guard input.rank >= 1, input.shape.last == features, bias.count == features else {
            shapeFailure(ShapeMessages.layerNorm(features: features, got: input.shape))
        }
        let rows = input.count / Swift.max(features, 1)
        let result = uninitialized(input.shape)
        let means = uninitialized([rows]), inverseDeviations = uninitialized([rows])
        let x = input.pointer, y = result.pointer, gamma = weight.pointer, beta = bias.pointer
        let mu = means.pointer, rstd = inverseDeviations.pointer
        Parallel.forChunksIfLarge(rows, work: input.count) { chunk in
            for row in chunk {
                let line = x + row * features, out = y + row * features
                let mean = RunTotal.of(line, count: features) / Float(features)
                var squares: Float = 0
                for j in 0..<features { let d = line[j] - mean; squares += d * d }
                let inverse = 1 / (squares / Float(features) + epsilon).squareRoot()
                mu[row] = mean; rstd[row] = inverse
                for j in 0..<features { out[j] = (line[j] - mean) * inverse * gamma[j] + beta[j] }
            }
        }
        return record(result, "layerNorm", [input, weight, bias]) { g in
            layerNormBackward(g, input, weight, bias, means, inverseDeviations, rows: rows, features: features)
        }
    }

    /// dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂)) with ĝ = g ⊙ γ; dγ = Σ g ⊙ x̂; dβ = Σ g.
    /// The parameter gradients add the rows in order, so they do not depend on the core count.
    private static func layerNormBackward(_ g: Tensor, _ input: Tensor, _ weight: Tensor, _ bias: Tensor,
                                          _ means: Tensor, _ inverseDeviations: Tensor, rows: Int, features: Int) {
        let x = input.pointer, dy = g.pointer, gamma = weight.pointer
        let mu = means.pointer, rstd = inverseDeviations.pointer
        input.accumulateGrad { dst, accumulate in
            Parallel.forChunksIfLarge(rows, work: input.count) { chunk in
                for row in chunk {
                    let line = x + row * features, gLine = dy + row * features, out = dst + row * features
                    let mean = mu[row], inverse = rstd[row]
                    var gSum: Float = 0, gDot: Float = 0
                    for j in 0..<features {
                        let scaled = gLine[j] * gamma[j]
                        gSum += scaled
                        gDot += scaled * (line[j] - mean) * inverse
                    }
                    let gMean = gSum / Float(features), dotMean = gDot / Float(features)
                    for j in 0..<features {
                        let normalized = (line[j] - mean) * inverse
                        let value = inverse * (gLine[j] * gamma[j] - gMean - normalized * dotMean)
                        out[j] = accumulate ? out[j] + value : value
                    }
                }
            }
        }
        weight.accumulateGrad { dst, accumulate in
            let sums = Tensor.zeros([features])
            let s = sums.pointer
            for row in 0..<rows {
                let line = x + row * features, gLine = dy + row * features
                let mean = mu[row], inverse = rstd[row]
                for j in 0..<features { s[j] += gLine[j] * (line[j] - mean) * inverse }
            }
            for j in 0..<features { dst[j] = accumulate ? dst[j] + s[j] : s[j] }
        }
        bias.accumulateGrad { dst, accumulate in
            ColumnSums.add(dy, rows: rows, columns: features, into: dst, accumulate: accumulate)
        }
    }
}
