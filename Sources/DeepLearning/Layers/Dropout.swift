/// Zeroes each value with probability `p` during training and scales the rest by 1/(1−p);
/// passes values through unchanged in evaluation mode. Draws from the seeded generator.
///
///     Dropout(0.5)
public final class Dropout: Layer, ModeSwitching {
    public let probability: Float
    public var isTraining = true

    public init(_ probability: Float = 0.5) {
        guard (0..<1).contains(probability) else { shapeFailure("Dropout(\(probability)): the probability must be in [0, 1)") }
        self.probability = probability
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        guard isTraining, probability > 0 else { return input }
        let mask = Tensor.uninitialized(input.shape)
        let keep = 1 / (1 - probability)
        let count = mask.count, pointer = mask.pointer, probability = probability
        GlobalGenerator.draw { generator in
            for i in 0..<count { pointer[i] = generator.nextFloat() < probability ? 0 : keep }
        }
        return input * mask
    }

    public var description: String { "Dropout(\(probability))" }
}
