/// Loss functions; each returns a scalar tensor averaged over the batch.
///
///     let loss = crossEntropy(model(images), labels)   // logits [N, C], labels [N]
///     let mse = meanSquaredError(predictions, targets)

/// Cross-entropy between logits `[N, C]` and class indices (as a tensor of `N` values).
public func crossEntropy(_ logits: Tensor, _ labels: Tensor) -> Tensor {
    crossEntropy(logits, labels.indices)
}

/// Cross-entropy between logits `[N, C]` and `N` class indices.
public func crossEntropy(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    checkClassification("crossEntropy", logits, labels.count)
    return nll(logits.logSoftmax(), labels)
}

/// Negative log-likelihood of log-probabilities `[N, C]` (e.g. from `logSoftmax()`).
public func nll(_ logProbabilities: Tensor, _ labels: [Int]) -> Tensor {
    checkClassification("nll", logProbabilities, labels.count)
    return -logProbabilities.gathering(labels).mean()
}

/// Negative log-likelihood with labels as a tensor of class indices.
public func nll(_ logProbabilities: Tensor, _ labels: Tensor) -> Tensor { nll(logProbabilities, labels.indices) }

private func checkClassification(_ loss: String, _ logits: Tensor, _ labels: Int) {
    guard logits.rank == 2, logits.shape[0] == labels else {
        shapeFailure(ShapeMessages.classification(loss, logits: logits.shape, labels: labels))
    }
}

private func checkRegression(_ loss: String, _ predictions: Tensor, _ targets: Tensor) {
    guard predictions.shape == targets.shape else {
        shapeFailure(ShapeMessages.regression(loss, predictions: predictions.shape, targets: targets.shape))
    }
}

/// The mean of squared differences.
public func meanSquaredError(_ predictions: Tensor, _ targets: Tensor) -> Tensor {
    checkRegression("meanSquaredError", predictions, targets)
    return (predictions - targets).squared().mean()
}

/// Short name for `meanSquaredError`.
public func mse(_ predictions: Tensor, _ targets: Tensor) -> Tensor { meanSquaredError(predictions, targets) }

/// The mean of absolute differences.
public func l1Loss(_ predictions: Tensor, _ targets: Tensor) -> Tensor {
    checkRegression("l1Loss", predictions, targets)
    return (predictions - targets).abs().mean()
}

/// Huber loss: quadratic for differences below `delta`, linear above.
public func huberLoss(_ predictions: Tensor, _ targets: Tensor, delta: Float = 1) -> Tensor {
    checkRegression("huberLoss", predictions, targets)
    let difference = (predictions - targets).abs()
    let quadratic = difference.clamped(to: 0...delta)
    let linear = difference - quadratic
    return (0.5 * quadratic.squared() + delta * linear).mean()
}

/// Binary cross-entropy for targets in {0, 1}: from logits (stable, the default) or from
/// probabilities.
///
///     let loss = binaryCrossEntropy(model(x), y)                       // model ends in Linear
///     let same = binaryCrossEntropy(model(x).sigmoid(), y, withLogits: false)
public func binaryCrossEntropy(_ predictions: Tensor, _ targets: Tensor, withLogits: Bool = true) -> Tensor {
    checkRegression("binaryCrossEntropy", predictions, targets)
    if withLogits {
        // max(x, 0) − x·y + log(1 + e^(−|x|))
        return (predictions.relu() - predictions * targets + ((-predictions.abs()).exp() + 1).log()).mean()
    }
    let p = predictions.clamped(to: 1e-7...(1 - 1e-7))
    return -(targets * p.log() + (1 - targets) * (1 - p).log()).mean()
}
