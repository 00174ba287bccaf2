import NumericCore

/// What one epoch of `fit` measured.
public struct EpochSummary: Sendable {
    public let epoch: Int
    public let loss: Double
    /// Training accuracy, when the outputs are class scores `[N, C]` and the targets labels `[N]`.
    public let accuracy: Double?
    /// The loss on the validation set (evaluation mode, no gradients), when one was given.
    public let validationLoss: Double?
    public let validationAccuracy: Double?
}

/// The per-epoch results of `fit`.
public struct TrainingHistory: Sendable {
    public internal(set) var epochs: [EpochSummary] = []
    public var losses: [Double] { epochs.map(\.loss) }
    public var last: EpochSummary? { epochs.last }
    /// With early stopping: the epoch whose weights the model holds at the end (the one with the
    /// lowest validation loss).
    public internal(set) var bestEpoch: Int?
    /// With early stopping: whether patience ran out before the last epoch.
    public internal(set) var stoppedEarly = false
}

/// Trains `model` for `epochs` passes over `data`, reporting progress every `reportEvery`
/// batches (and at each epoch's end) through `TrainingProgress`; the returned history holds
/// every epoch's figures. Stops with the epoch and step when the loss becomes NaN or
/// infinite.
///
/// With a `validation` set, every epoch also measures the validation loss (and accuracy, for
/// classifiers). With `earlyStopping` as well, training ends once the validation loss has not
/// improved for the stopper's patience, and the model is given back the weights of its best
/// epoch (`history.bestEpoch`).
///
///     let history = fit(model, optimizer: Adam(model.parameters), data: loader, epochs: 40,
///                       validation: validationSet, earlyStopping: EarlyStopping(patience: 5))
///     history.bestEpoch                          // 13
///     history.epochs.map(\.validationLoss)
@discardableResult
public func fit(_ model: some Layer, optimizer: Optimizer, data: DataLoader, epochs: Int,
                loss lossFunction: (Tensor, Tensor) -> Tensor = crossEntropy,
                validation: (any Dataset)? = nil, schedule: LearningRateSchedule? = nil,
                clipNorm: Float? = nil, earlyStopping: EarlyStopping? = nil, reportEvery: Int = 10) -> TrainingHistory {
    if earlyStopping != nil && validation == nil {
        engineFailure("fit: early stopping watches the validation loss; pass a validation set (validation: …)")
    }
    var history = TrainingHistory()
    // One progress line per call, whatever the number of epochs: the task stays, the label moves.
    let task = "fit \(FitRuns.next())"
    var stopper = earlyStopping
    var best: Checkpoint?
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
                engineFailure(TrainingMessages.nonFiniteLoss(value, epoch: epoch, batch: batches + 1, of: total, step: step))
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
                TrainingProgress.report(.init(task: task, label: "epoch \(epoch)/\(epochs)", completed: batches, total: total,
                                              metrics: metrics))
            }
        }
        schedule?.step()
        let measured = validation.map { validationMetrics(model, on: $0, loss: lossFunction) }
        let summary = EpochSummary(epoch: epoch, loss: lossSum / Double(max(seen, 1)),
                                   accuracy: classifies && seen > 0 ? correct / Double(seen) : nil,
                                   validationLoss: measured?.loss, validationAccuracy: measured?.accuracy)
        history.epochs.append(summary)

        if stopper != nil, let validationLoss = measured?.loss {
            let stop = stopper!.shouldStop(validationLoss)
            if stopper!.lastWasBest {
                best = model.checkpoint()
                history.bestEpoch = epoch
            }
            if stop {
                history.stoppedEarly = epoch < epochs
                break
            }
        }
    }
    if let best { model.restore(best) }
    return history
}

/// The mean loss on `dataset` and, for class scores against labels, the accuracy; in
/// evaluation mode and without gradients, restoring the model's mode afterwards.
func validationMetrics(_ model: some Layer, on dataset: any Dataset, loss lossFunction: (Tensor, Tensor) -> Tensor,
                       batchSize: Int = 256) -> (loss: Double, accuracy: Double?) {
    var lossSum = 0.0, correct = 0.0, seen = 0
    var classifies = true
    model.evaluating {
        for (inputs, targets) in DataLoader(dataset, batchSize: batchSize) {
            let outputs = model(inputs)
            let n = inputs.shape.first ?? 1
            lossSum += Double(lossFunction(outputs, targets).item) * Double(n)
            seen += n
            classifies = classifies && outputs.rank == 2 && outputs.shape[1] > 1 && targets.rank == 1
            if classifies { correct += accuracy(outputs, targets) * Double(n) }
        }
    }
    let count = Double(max(seen, 1))
    return (lossSum / count, classifies && seen > 0 ? correct / count : nil)
}

/// Numbers the calls of `fit`, to name each one's progress task.
enum FitRuns {
    private static let count = Guarded(0)
    static func next() -> Int { count.withLock { $0 += 1; return $0 } }
}

/// Messages for training failures, built apart from the trap so tests can check them.
public enum TrainingMessages {
    public static func nonFiniteLoss(_ value: Double, epoch: Int, batch: Int, of total: Int, step: Int) -> String {
        "fit: the loss became \(value.isNaN ? "NaN" : "infinite") at epoch \(epoch), batch \(batch) of \(total) (step \(step)); lower the learning rate, check the inputs for NaN or huge values, or clip gradients (clipNorm: 1)"
    }
}
