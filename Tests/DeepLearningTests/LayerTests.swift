import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Layers: gradient checks, shapes and modes")
struct LayerTests {
    @Test func linear() {
        Tensor.seed(1)
        let layer = Linear(3, 2)
        #expect(layer(Tensor.zeros([4, 3])).shape == [4, 2])
        #expect(layer(Tensor.zeros([5, 4, 3])).shape == [5, 4, 2])
        checkGradients([sample([4, 3]), layer.weight, layer.bias!]) { x in layer(x[0]) }
        let bound = 1 / Float(3).squareRoot()
        #expect(layer.weight.scalars.allSatisfy { abs($0) <= bound })
    }

    @Test func conv2D() {
        Tensor.seed(2)
        let conv = Conv2D(2, 3, kernel: 3, stride: 1, padding: 1)
        #expect(conv(Tensor.zeros([1, 2, 6, 6])).shape == [1, 3, 6, 6])
        #expect(Conv2D(1, 4, kernel: 3)(Tensor.zeros([2, 1, 28, 28])).shape == [2, 4, 26, 26])
        #expect(Conv2D(1, 4, kernel: 3, stride: 2)(Tensor.zeros([2, 1, 28, 28])).shape == [2, 4, 13, 13])
        checkGradients([sample([2, 2, 4, 4]), conv.weight, conv.bias!]) { x in conv(x[0]) }
    }

    @Test func convolutionMatchesDirectSum() {
        let input = sample([1, 2, 4, 4], seed: 3), weight = sample([1, 2, 3, 3], seed: 4)
        let output = conv2d(input, weight: weight, bias: Tensor([0.5]))
        var expected: Float = 0.5
        for c in 0..<2 { for i in 0..<3 { for j in 0..<3 {
            expected += input[0, c, 1 + i, 0 + j].item * weight[0, c, i, j].item
        } } }
        #expect(close([output[0, 0, 1, 0].item], [expected]))
    }

    @Test func pooling() {
        let x = Tensor.arange(16).reshaped([1, 1, 4, 4])
        #expect(MaxPool2D(2)(x).scalars == [5, 7, 13, 15])
        #expect(AvgPool2D(2)(x).scalars == [2.5, 4.5, 10.5, 12.5])
        #expect(MaxPool2D(3, stride: 1)(x).shape == [1, 1, 2, 2])
        #expect(Flatten()(Tensor.zeros([2, 3, 4, 5])).shape == [2, 60])
    }

    @Test func activations() {
        let x = sample([2, 3], seed: 5, awayFromZero: true)
        let layers: [any Layer] = [ReLU(), LeakyReLU(slope: 0.2), Sigmoid(), Tanh(), GELU(), Softmax(), LogSoftmax()]
        for layer in layers { checkGradients([x]) { layer($0[0]) } }
        #expect(close(Softmax()(x).sum(alongAxes: 1).scalars, [1, 1]))
    }

    @Test func dropoutScalesInTrainingAndPassesInEvaluation() {
        Tensor.seed(6)
        let dropout = Dropout(0.5)
        let y = dropout(Tensor.ones([1000]))
        #expect(y.scalars.allSatisfy { $0 == 0 || $0 == 2 })
        let kept = y.scalars.filter { $0 > 0 }.count
        #expect(kept > 400 && kept < 600)
        // With the generator reseeded before every call the mask is fixed, so the gradient can be checked.
        checkGradients([sample([4, 5], seed: 12)]) { x in Tensor.seed(13); return dropout(x[0]) }
        dropout.eval()
        #expect(dropout(Tensor.ones([10])).scalars == [Float](repeating: 1, count: 10))
    }

    @Test func batchNorm1D() {
        let norm = BatchNorm1D(3)
        let x = sample([6, 3], seed: 7, in: -3...5)
        let y = norm(x)
        #expect(close(y.mean(alongAxes: 0).scalars, [0, 0, 0], tolerance: 1e-4))
        #expect(close(y.variance(alongAxes: 0).scalars, [1, 1, 1], tolerance: 1e-3))
        checkGradients([x, norm.weight, norm.bias]) { norm($0[0]) }
        norm.eval()
        let before = norm.runningMean.scalars
        _ = norm(x)
        #expect(norm.runningMean.scalars == before)
        checkGradients([x]) { norm($0[0]) }
    }

    @Test func batchNorm2D() {
        let norm = BatchNorm2D(2)
        let x = sample([3, 2, 3, 3], seed: 8)
        #expect(close(norm(x).mean(alongAxes: 0, 2, 3).scalars, [0, 0], tolerance: 1e-4))
        checkGradients([x, norm.weight, norm.bias]) { norm($0[0]) }
    }

    @Test func embedding() {
        Tensor.seed(9)
        let embed = Embedding(5, 3)
        let tokens = Tensor([[1, 4], [4, 0]])
        #expect(embed(tokens).shape == [2, 2, 3])
        #expect(embed(Tensor(indices: [4]))[0].scalars == embed.weight[4].scalars)
        checkGradients([embed.weight]) { _ in embed(tokens) }
    }

    @Test func recurrentLayers() {
        Tensor.seed(10)
        let x = sample([2, 3, 4], seed: 11)
        let rnn = RNN(4, 5), lstm = LSTM(4, 5), gru = GRU(4, 5)
        #expect(rnn(x).shape == [2, 3, 5])
        #expect(lstm(x).shape == [2, 3, 5])
        #expect(gru(x).shape == [2, 3, 5])
        #expect(rnn.run(x).final.scalars == rnn(x)[0..<2].slice(axis: 1, 2..<3).reshaped([2, 5]).scalars)
        checkGradients([x] + rnn.parameters) { rnn($0[0]) }
        checkGradients([x] + lstm.parameters) { lstm($0[0]) }
        checkGradients([x] + gru.parameters) { gru($0[0]) }
    }

    @Test func lstmForgetBiasOpensOnlyTheForgetGate() {
        Tensor.seed(12)
        let plain = LSTM(3, 4)
        Tensor.seed(12)
        let open = LSTM(3, 4, forgetBias: 1)
        let p = plain.bias.scalars, o = open.bias.scalars
        #expect(Array(o[4..<8]) == [1, 1, 1, 1])
        #expect(Array(o[0..<4]) == Array(p[0..<4]) && Array(o[8..<16]) == Array(p[8..<16]))
        #expect(open.inputWeight.scalars == plain.inputWeight.scalars)
    }

    @Test func elmanStepFollowsTheFormula() {
        let rnn = RNN(1, 1)
        rnn.inputWeight.assign(Tensor([[2]])); rnn.hiddenWeight.assign(Tensor([[0.5]])); rnn.bias.assign(Tensor([0.1]))
        let states = rnn(Tensor([1, 1], shape: [1, 2, 1])).scalars
        let h1 = Float(2 + 0.1).tanh, h2 = (0.5 * h1 + 2 + 0.1).tanh
        #expect(close(states, [h1, h2]))
    }
}
}

private extension Float {
    var tanh: Float { Tensor([self]).tanh().item }
}
