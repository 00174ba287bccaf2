/// RMSprop: divides each step by a running root-mean-square of recent gradients.
///
///     let optimizer = RMSprop(model.parameters, learningRate: 0.01)
public final class RMSprop: Optimizer {
    public let alpha: Float, epsilon: Float, weightDecay: Float
    private let meanSquare: State

    public init(_ parameters: [Tensor], learningRate: Float = 0.01, alpha: Float = 0.99, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.alpha = alpha; self.epsilon = epsilon; self.weightDecay = weightDecay
        meanSquare = State(count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    public override func update(_ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>, slot: Int) {
        let lr = learningRate
        meanSquare.withBuffer(slot, size: values.count) { s in
            for i in 0..<values.count {
                let g = gradient[i] + weightDecay * values[i]
                s[i] = alpha * s[i] + (1 - alpha) * g * g
                values[i] -= lr * g / (s[i].squareRoot() + epsilon)
            }
        }
    }
}
