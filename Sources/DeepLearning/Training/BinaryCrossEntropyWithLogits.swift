import Foundation

/// Binary cross-entropy from logits as one recorded operation, with its own backward pass.
///
/// The forward value is `mean(max(x, 0) − x·t + log(1 + e^(−|x|)))`, which never exponentiates
/// a large positive number. Its gradient is `(σ(x) − t) / count` for the logits and
/// `−x / count` for the targets, as in PyTorch's `binary_cross_entropy_with_logits`: composing
/// the loss from `relu()` and `abs()` instead would take both of their derivatives at a logit
/// of exactly 0 as 0 and lose the `σ(0) = ½` term there.
///
///     let loss = BinaryCrossEntropyWithLogits.mean(Tensor([0, 0, 0, 0]), Tensor([1, 0, 1, 0]))
///     loss.backward()   // logits' gradient [-0.125, 0.125, -0.125, 0.125]
enum BinaryCrossEntropyWithLogits {
    static func mean(_ logits: Tensor, _ targets: Tensor) -> Tensor {
        // The value is computed exactly as before this operation existed (the course pins it);
        // only the recorded backward pass is new.
        let value = withoutGradients {
            (logits.relu() - logits * targets + ((-logits.abs()).exp() + 1).log()).mean()
        }
        let x = logits.detached(), t = targets.detached()
        let scale = 1 / Float(Swift.max(logits.count, 1))
        return Tensor.record(value, "binaryCrossEntropy(withLogits:)", [logits, targets]) { g in
            let upstream = g.pointer[0] * scale
            let px = x.pointer, pt = t.pointer, count = x.count
            logits.accumulateGrad { dst, accumulate in
                for i in 0..<count {
                    let d = upstream * (sigmoid(px[i]) - pt[i])
                    if accumulate { dst[i] += d } else { dst[i] = d }
                }
            }
            targets.accumulateGrad { dst, accumulate in
                for i in 0..<count {
                    let d = -upstream * px[i]
                    if accumulate { dst[i] += d } else { dst[i] = d }
                }
            }
        }
    }

    /// σ(x) without overflow for large |x|.
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }
}
