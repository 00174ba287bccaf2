import Foundation

/// Learning-rate schedules; call `step()` once per epoch.
///
///     let schedule = StepLR(optimizer, stepSize: 10, gamma: 0.1)
///     for epoch in 0..<30 { …; schedule.step() }
public protocol LearningRateSchedule: AnyObject {
    func step()
}

/// Multiplies the learning rate by `gamma` every `stepSize` epochs.
public final class StepLR: LearningRateSchedule {
    public let optimizer: Optimizer
    public let stepSize: Int, gamma: Float
    private let initial: Float
    public private(set) var epoch = 0

    public init(_ optimizer: Optimizer, stepSize: Int, gamma: Float = 0.1) {
        self.optimizer = optimizer; self.stepSize = stepSize; self.gamma = gamma
        initial = optimizer.learningRate
    }

    public func step() {
        epoch += 1
        optimizer.learningRate = initial * Foundation.pow(gamma, Float(epoch / max(stepSize, 1)))
    }
}

/// Cosine annealing from the initial rate down to `minimum` over `periods` epochs.
public final class CosineAnnealingLR: LearningRateSchedule {
    public let optimizer: Optimizer
    public let periods: Int, minimum: Float
    private let initial: Float
    public private(set) var epoch = 0

    public init(_ optimizer: Optimizer, periods: Int, minimum: Float = 0) {
        self.optimizer = optimizer; self.periods = periods; self.minimum = minimum
        initial = optimizer.learningRate
    }

    public func step() {
        epoch = min(epoch + 1, periods)
        let progress = Float(epoch) / Float(max(periods, 1))
        optimizer.learningRate = minimum + (initial - minimum) * (1 + Foundation.cos(Float.pi * progress)) / 2
    }
}
