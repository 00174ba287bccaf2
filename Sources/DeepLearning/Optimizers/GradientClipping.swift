/// Scales all gradients down together so that their joint L2 norm is at most `maxNorm`;
/// returns the norm before clipping.
///
///     loss.backward()
///     clipGradientNorm(model.parameters, maxNorm: 1)
///     optimizer.step()
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
    var total: Float = 0
    for grad in parameters.compactMap(\.grad) {
        grad.withUnsafeBufferPointer { g in for v in g { total += v * v } }
    }
    let norm = total.squareRoot()
    if norm > maxNorm {
        let scale = maxNorm / (norm + 1e-6)
        for grad in parameters.compactMap(\.grad) {
            grad.withUnsafeMutableBufferPointer { g in for i in g.indices { g[i] *= scale } }
        }
    }
    return norm
}
