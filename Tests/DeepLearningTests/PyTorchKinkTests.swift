import Foundation
import Testing
@testable import DeepLearning

/// Subgradient conventions at kinks, binary cross-entropy from logits and Adam with frozen
/// parameters, against PyTorch 2.15 (Fixtures/torch/correctness.json, written by
/// make_torch_fixtures.py; see its docstring for each case).
extension DeepLearningTests {
@Suite("PyTorch conventions at kinks and for frozen parameters")
struct PyTorchKinkTests {
    typealias Reference = PyTorchReferenceTests
    static let tolerance = Reference.Tolerance(relative: 1e-5, absolute: 1e-6)

    static func reference(_ name: String) -> Reference.Case { Reference.Case(name, from: Reference.Case.correctness) }

    @Test func bceWithLogitsAtZeroGivesSigmoidMinusTargetOverCount() {
        // σ(0) − t over the count, derived by hand: (0.5 − 1) / 4 and (0.5 − 0) / 4.
        let logits = Tensor([0, 0, 0, 0], requiresGrad: true)
        binaryCrossEntropy(logits, Tensor([1, 0, 1, 0])).backward()
        #expect(logits.grad?.scalars == [-0.125, 0.125, -0.125, 0.125])
    }

    @Test(arguments: ["bce_logit_zero", "bce_extreme"])
    func bceWithLogitsMatchesPyTorch(_ name: String) {
        let c = Self.reference(name)
        let x = c.tensor("x", requiresGrad: true), y = c.tensor("y", requiresGrad: true)
        let loss = binaryCrossEntropy(x, y)
        Reference.expectMatch(loss, c, "loss", Self.tolerance)
        loss.backward()
        Reference.expectMatch(x.grad, c, "grad_x", Self.tolerance)
        Reference.expectMatch(y.grad, c, "grad_y", Self.tolerance)
    }

    @Test(arguments: ["relu", "abs", "leaky_relu", "clamp", "pow0", "max_all", "max_dim", "maxpool"])
    func unaryKink(_ name: String) {
        let c = Self.reference("kink_" + name)
        Reference.checkForwardBackward(c, Self.tolerance) { x in
            switch name {
            case "relu": return x.relu()
            case "abs": return x.abs()
            case "leaky_relu": return x.leakyRelu(slope: 0.01)
            case "clamp": return x.clamped(to: 0...1)
            case "pow0": return x.pow(0)
            case "max_all": return x.max()
            case "max_dim": return x.max(axis: 1)
            default: return maxPool2d(x, kernel: 2)
            }
        }
    }

    @Test(arguments: ["maximum", "l1", "huber", "mse"])
    func binaryKink(_ name: String) {
        let c = Self.reference("kink_" + name)
        let x = c.tensor("x", requiresGrad: true), y = c.tensor("y", requiresGrad: true)
        let out: Tensor
        switch name {
        case "maximum": out = Tensor.maximum(x, y)
        case "l1": out = l1Loss(x, y)
        case "huber": out = huberLoss(x, y, delta: 1)
        default: out = meanSquaredError(x, y)
        }
        Reference.expectMatch(out, c, "out", Self.tolerance)
        (out * c.tensor("probe")).sum().backward()
        Reference.expectMatch(x.grad, c, "grad_x", Self.tolerance)
        Reference.expectMatch(y.grad, c, "grad_y", Self.tolerance)
    }

    /// `b` has no gradient in steps 1–3 (frozen), then one; PyTorch counts steps per parameter.
    @Test(arguments: ["adam_freeze", "adamw_freeze"])
    func adamCountsStepsPerParameter(_ name: String) {
        let c = Self.reference(name)
        let a = c.tensor("a0").asParameter(), b = c.tensor("b0").asParameter()
        let lr = c.number("lr"), decay = c.number("weight_decay")
        let optimizer: Optimizer = name == "adam_freeze"
            ? Adam([a, b], learningRate: lr) : AdamW([a, b], learningRate: lr, weightDecay: decay)
        for step in 1...6 {
            optimizer.zeroGrad()
            a.grad = c.tensor("ga\(step)")
            if step >= 4 { b.grad = c.tensor("gb\(step)") }
            optimizer.step()
            Reference.expectMatch(a, c, "a\(step)", Self.tolerance)
            Reference.expectMatch(b, c, "b\(step)", Self.tolerance)
        }
    }

    @Test func unfrozenParameterTakesAFullFirstStep() {
        // Adam's first step is lr · sign(g) whatever the gradient (m̂ = g, v̂ = g²).
        let a = Tensor([0]).asParameter(), b = Tensor([1]).asParameter()
        let optimizer = Adam([a, b], learningRate: 0.01)
        for _ in 0..<3 { optimizer.zeroGrad(); a.grad = Tensor([1]); optimizer.step() }
        optimizer.zeroGrad(); a.grad = Tensor([1]); b.grad = Tensor([-0.3]); optimizer.step()
        #expect(abs(b.item - 1.01) < 1e-6)
    }
}
}
