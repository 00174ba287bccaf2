/// Stops training when a monitored loss has not improved by at least `minimumImprovement`
/// for `patience` epochs.
///
///     var stopper = EarlyStopping(patience: 3)
///     for epoch in 0..<100 { …; if stopper.shouldStop(validationLoss) { break } }
public struct EarlyStopping {
    public let patience: Int
    public let minimumImprovement: Double
    public private(set) var best = Double.infinity
    public private(set) var epochsWithoutImprovement = 0
    /// Whether the loss given to the last `shouldStop` was a new best (time to keep the weights).
    public private(set) var lastWasBest = false

    public init(patience: Int = 5, minimumImprovement: Double = 0) {
        self.patience = patience; self.minimumImprovement = minimumImprovement
    }

    /// Records this epoch's loss; true once patience has run out.
    public mutating func shouldStop(_ loss: Double) -> Bool {
        lastWasBest = loss < best - minimumImprovement
        if lastWasBest {
            best = loss
            epochsWithoutImprovement = 0
        } else {
            epochsWithoutImprovement += 1
        }
        return epochsWithoutImprovement >= patience
    }
}
