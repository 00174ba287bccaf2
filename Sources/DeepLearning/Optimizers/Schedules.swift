import Foundation

/// A learning-rate schedule: call `step()` once per epoch and it sets the optimizer's rate
/// from the epoch count and the rate the optimizer started with.
///
///     let schedule = StepLR(optimizer, stepSize: 10, gamma: 0.1)
///     for epoch in 0..<30 { …; schedule.step() }
public class LearningRateSchedule {
    public let optimizer: Optimizer
    public let initialRate: Float
    public private(set) var epoch = 0

    init(_ optimizer: Optimizer) {
        self.optimizer = optimizer
        initialRate = optimizer.learningRate
    }

    public func step() {
        epoch += 1
        optimizer.learningRate = rate(afterEpochs: epoch)
    }

    func rate(afterEpochs epochs: Int) -> Float { initialRate }
}

/// Multiplies the learning rate by `gamma` every `stepSize` epochs.
public final class StepLR: LearningRateSchedule {
    public let stepSize: Int, gamma: Float

    public init(_ optimizer: Optimizer, stepSize: Int, gamma: Float = 0.1) {
        self.stepSize = max(stepSize, 1); self.gamma = gamma
        super.init(optimizer)
    }

    override func rate(afterEpochs epochs: Int) -> Float {
        initialRate * Foundation.pow(gamma, Float(epochs / stepSize))
    }
}

/// Cosine annealing from the initial rate down to `minimum` over `periods` epochs.
public final class CosineAnnealingLR: LearningRateSchedule {
    public let periods: Int, minimum: Float

    public init(_ optimizer: Optimizer, periods: Int, minimum: Float = 0) {
        self.periods = max(periods, 1); self.minimum = minimum
        super.init(optimizer)
    }

    override func rate(afterEpochs epochs: Int) -> Float {
        let progress = Float(min(epochs, periods)) / Float(periods)
        return minimum + (initialRate - minimum) * (1 + Foundation.cos(Float.pi * progress)) / 2
    }
}
