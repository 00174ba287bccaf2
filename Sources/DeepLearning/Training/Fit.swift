import NumericCore

/// What one epoch of `fit` measured.
public struct EpochSummary: Sendable {
    public let epoch: Int
    public let loss: Double
    /// Training accuracy, when the outputs are class scores `[N, C]` and the targets labels `[N]`.
    public let accuracy: Double?
    public let validationAccuracy: Double?
}

/// The per-epoch results of `fit`.
public struct TrainingHistory: Sendable {
    public internal(set) var epochs: [EpochSummary] = []
    public var losses: [Double] { epochs.map(\.loss) }
    public var last: EpochSummary? { epochs.last }
}

/// Trains `model` for `epochs` passes over `data`, reporting progress every `reportEvery`
/// batches through `TrainingProgress` and each finished epoch through
/// `TrainingProgress.finishEpoch`. Stops with the epoch and step when the loss becomes NaN or
/// infinite.
///
///     let history = fit(model, optimizer: Adam(model.parameters), data: loader, epochs: 2,
///                       validation: test)
///     history.last?.validationAccuracy
@discardableResult
public func fit(_ model: some Layer, optimizer: Optimizer, data: DataLoader, epochs: Int,
                loss lossFunction: (Tensor, Tensor) -> Tensor = crossEntropy,
                validation: (any Dataset)? = nil, schedule: LearningRateSchedule? = nil,
                clipNorm: Float? = nil, reportEvery: Int = 10) -> TrainingHistory {
    var history = TrainingHistory()
    let total = data.batchCount
    var step = 0
    guard epochs > 0 else { return history }
    for epoch in 1...epochs {
        model.train()
        var lossSum = 0.0, correct = 0.0, seen = 0, batches = 0
        var classifies = true
        for (inputs, targets) in data {
            let outputs = model(inputs)
            let loss = lossFunction(outputs, targets)
            let value = Double(loss.item)
            step += 1
            guard value.isFinite else {
                fatalError(TrainingMessages.nonFiniteLoss(value, epoch: epoch, batch: batches + 1, of: total, step: step))
            }
            optimizer.zeroGrad()
            loss.backward()
            if let clipNorm { clipGradientNorm(optimizer.parameters, maxNorm: clipNorm) }
            optimizer.step()

            let n = inputs.shape.first ?? 1
            lossSum += value * Double(n); seen += n; batches += 1
            classifies = classifies && outputs.rank == 2 && outputs.shape[1] > 1 && targets.rank == 1
            if classifies { correct += accuracy(outputs, targets) * Double(n) }
            if batches % max(reportEvery, 1) == 0 || batches == total {
                var metrics: [(name: String, value: Double)] = [("loss", lossSum / Double(seen))]
                if classifies { metrics.append(("accuracy", correct / Double(seen))) }
                TrainingProgress.report(.init(task: "epoch \(epoch)/\(epochs)", completed: batches, total: total, metrics: metrics))
            }
        }
        schedule?.step()
        let validationAccuracy = validation.map { evaluate(model, on: $0) }
        let summary = EpochSummary(epoch: epoch, loss: lossSum / Double(max(seen, 1)),
                                   accuracy: classifies && seen > 0 ? correct / Double(seen) : nil,
                                   validationAccuracy: validationAccuracy)
        history.epochs.append(summary)
        var metrics: [(name: String, value: Double)] = [("loss", summary.loss)]
        if let a = summary.accuracy { metrics.append(("accuracy", a)) }
        if let v = validationAccuracy { metrics.append(("validation accuracy", v)) }
        TrainingProgress.finishEpoch(.init(epoch: epoch, metrics: metrics))
    }
    return history
}

/// Messages for training failures, built apart from the trap so tests can check them.
public enum TrainingMessages {
    public static func nonFiniteLoss(_ value: Double, epoch: Int, batch: Int, of total: Int, step: Int) -> String {
        "fit: the loss became \(value.isNaN ? "NaN" : "infinite") at epoch \(epoch), batch \(batch) of \(total) (step \(step)); lower the learning rate, check the inputs for NaN or huge values, or clip gradients (clipNorm: 1)"
    }
}
