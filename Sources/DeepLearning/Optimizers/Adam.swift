import Foundation

/// Adam (and, with `decoupledWeightDecay`, AdamW) with bias-corrected moment estimates.
/// Each parameter counts its own updates for the bias correction (PyTorch's `state['step']`),
/// so a parameter that was frozen (no gradient) for a while and is then unfrozen starts with
/// a full first step of about `learningRate`, as it would in PyTorch.
///
///     let optimizer = Adam(model.parameters, learningRate: 0.001)
public class Adam: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    let decoupled: Bool
    private let firstMoment: State, secondMoment: State
    /// How many updates each parameter (by slot) has received: its own step count.
    private var parameterSteps: [Int]

    public init(_ parameters: [Tensor], learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.weightDecay = weightDecay
        decoupled = false
        firstMoment = State(count: parameters.count); secondMoment = State(count: parameters.count)
        parameterSteps = Array(repeating: 0, count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    init(_ parameters: [Tensor], learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
         decoupledWeightDecay: Float) {
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.weightDecay = decoupledWeightDecay
        decoupled = true
        firstMoment = State(count: parameters.count); secondMoment = State(count: parameters.count)
        parameterSteps = Array(repeating: 0, count: parameters.count)
        super.init(parameters, learningRate: learningRate)
    }

    public override func update(_ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>, slot: Int) {
        parameterSteps[slot] += 1
        let t = Float(parameterSteps[slot])
        let correction1 = 1 - Foundation.pow(beta1, t), correction2 = 1 - Foundation.pow(beta2, t)
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        // Decoupled decay shrinks the values first; coupled decay adds to the gradient.
        let shrink = decoupled ? lr * weightDecay : 0, decay = decoupled ? 0 : weightDecay
        guard let theta = values.baseAddress, let grad = gradient.baseAddress else { return }
        firstMoment.withBuffer(slot, size: values.count) { m in
            secondMoment.withBuffer(slot, size: values.count) { v in
                let pm = m.baseAddress!, pv = v.baseAddress!
                Elementwise.forChunks(values.count) { range in
                    // Eight lanes at a time, the same operations in the same order as the scalar
                    // tail (so results do not depend on the split). The square root stays exact,
                    // lane by lane; everything around it vectorises.
                    var i = range.lowerBound
                    while i + SIMDAccess.width <= range.upperBound {
                        let x = SIMDAccess.load(theta + i) - shrink * SIMDAccess.load(theta + i)
                        let g = SIMDAccess.load(grad + i) + decay * x
                        let mi = b1 * SIMDAccess.load(pm + i) + (1 - b1) * g
                        let vi = b2 * SIMDAccess.load(pv + i) + (1 - b2) * g * g
                        SIMDAccess.store(mi, pm + i); SIMDAccess.store(vi, pv + i)
                        SIMDAccess.store(x - lr * (mi / correction1) / ((vi / correction2).squareRoot() + eps), theta + i)
                        i += SIMDAccess.width
                    }
                    for j in i..<range.upperBound {
                        let x = theta[j] - shrink * theta[j]
                        let g = grad[j] + decay * x
                        let mj = b1 * pm[j] + (1 - b1) * g
                        let vj = b2 * pv[j] + (1 - b2) * g * g
                        pm[j] = mj; pv[j] = vj
                        theta[j] = x - lr * (mj / correction1) / ((vj / correction2).squareRoot() + eps)
                    }
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
