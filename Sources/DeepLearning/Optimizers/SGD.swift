/// Stochastic gradient descent with optional momentum (classic or Nesterov) and L2 weight decay,
/// following PyTorch's update rule.
///
///     let optimizer = SGD(model.parameters, learningRate: 0.1, momentum: 0.9, nesterov: true)
public final class SGD: Optimizer {
    public let momentum: Float, weightDecay: Float, nesterov: Bool
    private let velocity: State

    public init(_ parameters: [Tensor], learningRate: Float, momentum: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) {
        self.momentum = momentum; self.nesterov = nesterov; self.weightDecay = weightDecay
        velocity = State(count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    public override func update(_ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>, slot: Int) {
        let lr = learningRate
        if momentum == 0 {
            for i in 0..<values.count { values[i] -= lr * (gradient[i] + weightDecay * values[i]) }
            return
        }
        let first = stepCount == 1
        velocity.withBuffer(slot, size: values.count) { v in
            for i in 0..<values.count {
                let g = gradient[i] + weightDecay * values[i]
                v[i] = first ? g : momentum * v[i] + g
                values[i] -= lr * (nesterov ? g + momentum * v[i] : v[i])
            }
        }
    }
}
