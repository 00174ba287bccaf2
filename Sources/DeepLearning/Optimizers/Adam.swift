import Foundation

/// Adam (and, with `decoupledWeightDecay`, AdamW) with bias-corrected moment estimates.
///
///     let optimizer = Adam(model.parameters, learningRate: 0.001)
public class Adam: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    let decoupled: Bool
    private let firstMoment: State, secondMoment: State

    public init(_ parameters: [Tensor], learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.weightDecay = weightDecay
        decoupled = false
        firstMoment = State(count: parameters.count); secondMoment = State(count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    init(_ parameters: [Tensor], learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
         decoupledWeightDecay: Float) {
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.weightDecay = decoupledWeightDecay
        decoupled = true
        firstMoment = State(count: parameters.count); secondMoment = State(count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    public override func update(_ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>, slot: Int) {
        let t = Float(stepCount)
        let correction1 = 1 - Foundation.pow(beta1, t), correction2 = 1 - Foundation.pow(beta2, t)
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon, decay = weightDecay, decoupled = decoupled
        firstMoment.withBuffer(slot, size: values.count) { m in
            secondMoment.withBuffer(slot, size: values.count) { v in
                for i in 0..<values.count {
                    var g = gradient[i]
                    if decoupled { values[i] -= lr * decay * values[i] } else { g += decay * values[i] }
                    m[i] = b1 * m[i] + (1 - b1) * g
                    v[i] = b2 * v[i] + (1 - b2) * g * g
                    values[i] -= lr * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + eps)
                }
            }
        }
    }
}

/// Adam with decoupled weight decay (Loshchilov & Hutter), PyTorch's default decay of 0.01.
///
///     let optimizer = AdamW(model.parameters, learningRate: 0.001, weightDecay: 0.01)
public final class AdamW: Adam {
    public override init(_ parameters: [Tensor], learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        super.init(parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                   decoupledWeightDecay: weightDecay)
    }
}
