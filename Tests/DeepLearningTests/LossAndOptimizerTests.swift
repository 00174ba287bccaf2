import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Losses, optimizers, schedules and clipping")
struct LossAndOptimizerTests {
    @Test func crossEntropyMatchesTheFormula() {
        let logits = Tensor([[2, 1, 0], [0, 0, 3]])
        let loss = crossEntropy(logits, Tensor([0, 2])).item
        // −log softmax at the label: log Σ eˣ − x_label, averaged over the rows.
        let first: Float = (Float(2).exp + Float(1).exp + 1).log0 - 2
        let second: Float = (2 + Float(3).exp).log0 - 3
        #expect(close([loss], [(first + second) / 2]))
        #expect(close([nll(logits.logSoftmax(), [0, 2]).item], [loss]))
    }

    @Test func lossGradients() {
        let logits = sample([4, 3], seed: 1)
        checkGradients([logits]) { crossEntropy($0[0], [0, 2, 1, 2]) }
        let predictions = sample([5], seed: 2), targets = sample([5], seed: 3)
        checkGradients([predictions]) { meanSquaredError($0[0], targets) }
        checkGradients([predictions]) { l1Loss($0[0], targets) }
        checkGradients([predictions]) { huberLoss($0[0] * 3, targets, delta: 1) }
        let labels = Tensor([1, 0, 1, 1, 0])
        checkGradients([predictions]) { binaryCrossEntropy($0[0], labels) }
        checkGradients([predictions]) { binaryCrossEntropy($0[0].sigmoid(), labels, withLogits: false) }
    }

    @Test func lossValues() {
        let p = Tensor([1, 2, 5]), t = Tensor([1, 4, 2])
        #expect(close([mse(p, t).item], [13.0 / 3]))
        #expect(close([l1Loss(p, t).item], [5.0 / 3]))
        #expect(close([huberLoss(p, t).item], [4.0 / 3]))
        let logits = Tensor([0.3, -1.2]), labels = Tensor([1, 0])
        #expect(close([binaryCrossEntropy(logits, labels).item],
                      [binaryCrossEntropy(logits.sigmoid(), labels, withLogits: false).item]))
    }

    /// Minimises (w − 3)² and returns w after `steps` updates.
    private func minimise(_ make: ([Tensor]) -> Optimizer, steps: Int = 200) -> Float {
        let w = Tensor([0]).asParameter()
        let optimizer = make([w])
        for _ in 0..<steps {
            optimizer.zeroGrad()
            (w - 3).squared().sum().backward()
            optimizer.step()
        }
        return w.item
    }

    @Test func everyOptimizerFindsTheMinimum() {
        #expect(abs(minimise { SGD($0, learningRate: 0.1) } - 3) < 1e-3)
        #expect(abs(minimise { SGD($0, learningRate: 0.05, momentum: 0.9) } - 3) < 1e-2)
        #expect(abs(minimise { SGD($0, learningRate: 0.05, momentum: 0.9, nesterov: true) } - 3) < 1e-2)
        #expect(abs(minimise({ Adam($0, learningRate: 0.1) }, steps: 500) - 3) < 1e-2)
        #expect(abs(minimise({ AdamW($0, learningRate: 0.1, weightDecay: 0) }, steps: 500) - 3) < 1e-2)
        #expect(abs(minimise({ RMSprop($0, learningRate: 0.01) }, steps: 500) - 3) < 5e-2)
    }

    @Test func firstStepsMatchHandComputation() {
        // SGD with momentum 0.9, gradient 2(w − 3) from w = 0: v = −6, w = 0.6; then v = 0.9·(−6) − 4.8.
        let w = Tensor([0]).asParameter()
        let sgd = SGD([w], learningRate: 0.1, momentum: 0.9)
        for _ in 0..<2 { sgd.zeroGrad(); (w - 3).squared().sum().backward(); sgd.step() }
        #expect(close([w.item], [0.6 + 0.1 * (0.9 * 6 + 4.8)]))
        // Adam's first step moves each weight by about the learning rate.
        let a = Tensor([0]).asParameter()
        let adam = Adam([a], learningRate: 0.01)
        adam.zeroGrad(); (a - 3).squared().sum().backward(); adam.step()
        #expect(close([a.item], [0.01], tolerance: 1e-3))
    }

    @Test func weightDecayShrinksWeights() {
        let w = Tensor([1]).asParameter()
        let optimizer = AdamW([w], learningRate: 0.1, weightDecay: 0.5)
        w.grad = Tensor([0])
        optimizer.step()
        #expect(close([w.item], [0.95]))
        let v = Tensor([1]).asParameter()
        let sgd = SGD([v], learningRate: 0.1, weightDecay: 0.5)
        v.grad = Tensor([0])
        sgd.step()
        #expect(close([v.item], [0.95]))
    }

    @Test func schedules() {
        let optimizer = SGD([Tensor([0]).asParameter()], learningRate: 1)
        let stepLR = StepLR(optimizer, stepSize: 2, gamma: 0.5)
        var rates: [Float] = []
        for _ in 0..<5 { stepLR.step(); rates.append(optimizer.learningRate) }
        #expect(rates == [1, 0.5, 0.5, 0.25, 0.25])
        let other = SGD([Tensor([0]).asParameter()], learningRate: 1)
        let cosine = CosineAnnealingLR(other, periods: 4, minimum: 0)
        cosine.step(); cosine.step()
        #expect(close([other.learningRate], [0.5]))
        cosine.step(); cosine.step(); cosine.step()
        #expect(abs(other.learningRate) < 1e-6)
    }

    @Test func clippingBoundsTheJointNorm() {
        let a = Tensor([0, 0]).asParameter(), b = Tensor([0]).asParameter()
        a.grad = Tensor([3, 0]); b.grad = Tensor([4])
        let norm = clipGradientNorm([a, b], maxNorm: 1)
        #expect(norm == 5)
        #expect(close(a.grad!.scalars + b.grad!.scalars, [0.6, 0, 0.8]))
        #expect(clipGradientNorm([a, b], maxNorm: 10) < 1.01)
    }

    @Test func earlyStoppingWaitsForPatience() {
        var stopper = EarlyStopping(patience: 2, minimumImprovement: 0.01)
        let decisions = [1.0, 0.8, 0.795, 0.9].map { stopper.shouldStop($0) }
        #expect(decisions == [false, false, false, true])
        #expect(stopper.best == 0.8)
    }
}
}

private extension Float {
    var exp: Float { Tensor([self]).exp().item }
    var log0: Float { Tensor([self]).log().item }
}
