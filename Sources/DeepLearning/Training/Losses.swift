/// Loss functions; each returns a scalar tensor averaged over the batch.
///
///     let loss = crossEntropy(model(images), labels)   // logits [N, C], labels [N]
///     let mse = meanSquaredError(predictions, targets)

/// Cross-entropy between logits `[N, C]` and class indices (as a tensor of `N` values).
public func crossEntropy(_ logits: Tensor, _ labels: Tensor) -> Tensor {
    classification("crossEntropy", logits, labelIndices("crossEntropy", labels)) { nll(logits.logSoftmax(), $0) }
}

/// Cross-entropy between logits `[N, C]` and `N` class indices.
public func crossEntropy(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    classification("crossEntropy", logits, labels) { nll(logits.logSoftmax(), $0) }
}

/// Negative log-likelihood of log-probabilities `[N, C]` (e.g. from `logSoftmax()`).
public func nll(_ logProbabilities: Tensor, _ labels: [Int]) -> Tensor {
    classification("nll", logProbabilities, labels) { -logProbabilities.gathering($0).mean() }
}

/// Negative log-likelihood with labels as a tensor of class indices.
public func nll(_ logProbabilities: Tensor, _ labels: Tensor) -> Tensor {
    nll(logProbabilities, labelIndices("nll", labels))
}

/// Checks the logits' shape and every label against the class count, naming `loss` in the
/// message, then computes the loss.
private func classification(_ loss: String, _ logits: Tensor, _ labels: [Int], _ compute: ([Int]) -> Tensor) -> Tensor {
    guard logits.rank == 2, logits.shape[0] == labels.count else {
        shapeFailure(ShapeMessages.classification(loss, logits: logits.shape, labels: labels.count))
    }
    let classes = logits.shape[1]
    if let row = labels.firstIndex(where: { $0 < 0 || $0 >= classes }) {
        shapeFailure(ShapeMessages.labelOutOfRange(loss, label: "\(labels[row])", row: row, logits: logits.shape))
    }
    return compute(labels)
}

/// The labels tensor read as class indices; a NaN or infinite label stops with a message
/// naming `loss` (instead of a trap converting it to `Int`).
private func labelIndices(_ loss: String, _ labels: Tensor) -> [Int] {
    let values = labels.scalars
    if let row = values.firstIndex(where: { !$0.isFinite }) {
        shapeFailure(ShapeMessages.nonFiniteLabel(loss, label: values[row], row: row))
    }
    return labels.indices
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

/// Binary cross-entropy for targets in {0, 1}: from logits (stable, the default, with the
/// gradient (σ(x) − t) / count, see `BinaryCrossEntropyWithLogits`) or from probabilities.
///
///     let loss = binaryCrossEntropy(model(x), y)                       // model ends in Linear
///     let same = binaryCrossEntropy(model(x).sigmoid(), y, withLogits: false)
public func binaryCrossEntropy(_ predictions: Tensor, _ targets: Tensor, withLogits: Bool = true) -> Tensor {
    checkRegression("binaryCrossEntropy", predictions, targets)
    if withLogits {
        // max(x, 0) − x·y + log(1 + e^(−|x|)), with the gradient σ(x) − y over the count.
        return BinaryCrossEntropyWithLogits.mean(predictions, targets)
    }
    let p = predictions.clamped(to: 1e-7...(1 - 1e-7))
    return -(targets * p.log() + (1 - targets) * (1 - p).log()).mean()
}
