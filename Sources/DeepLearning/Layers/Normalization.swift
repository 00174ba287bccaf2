/// Batch normalisation: in training, normalises with the batch's mean and variance and
/// updates running estimates; in evaluation, uses the running estimates.
///
///     BatchNorm1D(128)     // after Linear(…, 128), input [N, 128]
///     BatchNorm2D(32)      // after Conv2D(…, 32, …), input [N, 32, H, W]
public class BatchNormalization: Layer, ModeSwitching {
    /// One line naming the layer; the 1-D and 2-D subclasses say which they are.
    public var description: String { "BatchNormalization(\(features))" }

    public let weight: Tensor
    public let bias: Tensor
    public let runningMean: Tensor
    public let runningVariance: Tensor
    public let features: Int
    public let momentum: Float, epsilon: Float
    public var isTraining = true
    let reducedAxes: [Int]
    let expectedRank: Int

    init(features: Int, momentum: Float, epsilon: Float, rank: Int) {
        self.features = features; self.momentum = momentum; self.epsilon = epsilon
        weight = Tensor.ones([features]).asParameter()
        bias = Tensor.zeros([features]).asParameter()
        runningMean = Tensor.zeros([features])
        runningVariance = Tensor.ones([features])
        expectedRank = rank
        reducedAxes = rank == 2 ? [0] : [0, 2, 3]
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        guard input.rank == expectedRank, input.shape[1] == features else {
            let layout = expectedRank == 2 ? "[batch, \(features)]" : "[batch, \(features), height, width]"
            shapeFailure("\(self) expected input of shape \(layout), got shape \(input.shape)")
        }
        let statShape = expectedRank == 2 ? [1, features] : [1, features, 1, 1]
        let mean: Tensor, variance: Tensor
        if isTraining {
            mean = input.mean(alongAxes: reducedAxes, keepingDimensions: true)
            variance = input.variance(alongAxes: reducedAxes, keepingDimensions: true)
            updateRunningStatistics(mean: mean, variance: variance, samples: input.count / features)
        } else {
            mean = runningMean.reshaped(statShape).detached()
            variance = runningVariance.reshaped(statShape).detached()
        }
        let normalized = (input - mean) / (variance + epsilon).sqrt()
        return normalized * weight.reshaped(statShape) + bias.reshaped(statShape)
    }

    private func updateRunningStatistics(mean: Tensor, variance: Tensor, samples: Int) {
        let unbias = Float(samples) / Float(max(samples - 1, 1))
        for c in 0..<features {
            runningMean.pointer[c] = (1 - momentum) * runningMean.pointer[c] + momentum * mean.pointer[c]
            runningVariance.pointer[c] = (1 - momentum) * runningVariance.pointer[c] + momentum * variance.pointer[c] * unbias
        }
    }
}

/// Batch normalisation over the features of `[N, F]` input.
public final class BatchNorm1D: BatchNormalization {
    public init(_ features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        super.init(features: features, momentum: momentum, epsilon: epsilon, rank: 2)
    }
    override public var description: String { "BatchNorm1D(\(features))" }
}

/// Batch normalisation over the channels of `[N, C, H, W]` input.
public final class BatchNorm2D: BatchNormalization {
    public init(_ channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        super.init(features: channels, momentum: momentum, epsilon: epsilon, rank: 4)
    }
    override public var description: String { "BatchNorm2D(\(features))" }
}
