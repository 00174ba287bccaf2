import Foundation

/// Linear warm-up, then cosine decay: the learning rate rises over the first `warmupSteps`
/// steps to the optimizer's rate (step `s` of the warm-up uses `(s + 1) / warmupSteps` of it,
/// so no step runs at zero), then follows half a cosine down to `minimum` at `totalSteps`,
/// where it stays. Call `step()` after every optimizer step (not once per epoch); the optimizer
/// starts at the first warm-up rate as soon as the schedule is made.
///
///     let schedule = WarmupCosineLR(optimizer, warmupSteps: 100, totalSteps: 2000)
///     for batch in data { …; optimizer.step(); schedule.step() }
public final class WarmupCosineLR: LearningRateSchedule {
    public let warmupSteps: Int, totalSteps: Int, minimum: Float

    public init(_ optimizer: Optimizer, warmupSteps: Int, totalSteps: Int, minimum: Float = 0) {
        guard warmupSteps >= 0, totalSteps > warmupSteps else {
            shapeFailure("WarmupCosineLR: totalSteps (\(totalSteps)) must exceed warmupSteps (\(warmupSteps)), which must not be negative")
        }
        self.warmupSteps = warmupSteps; self.totalSteps = totalSteps; self.minimum = minimum
        super.init(optimizer)
        optimizer.learningRate = rate(afterEpochs: 0)
    }

    /// The rate for step `steps` (0-based): the warm-up ramp, then the cosine.
    override func rate(afterEpochs steps: Int) -> Float {
        if steps < warmupSteps { return initialRate * Float(steps + 1) / Float(warmupSteps) }
        let progress = Float(min(steps, totalSteps) - warmupSteps) / Float(totalSteps - warmupSteps)
        return minimum + (initialRate - minimum) * (1 + Foundation.cos(Float.pi * progress)) / 2
    }
}
