import Testing
@testable import DeepLearning

/// A custom model as a course would write it.
private final class SmallNet: Layer {
    let conv1 = Conv2D(1, 2, kernel: 3)
    let norm = BatchNorm2D(2)
    let dropout = Dropout(0.25)
    let heads = [Linear(8, 3), Linear(3, 2)]
    var shared: Linear
    let sharedAgain: Linear
    let notAParameter = Tensor.zeros([3])

    init() {
        shared = Linear(2, 2)
        sharedAgain = shared
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        let features = maxPool2d(norm(conv1(x)).relu(), kernel: 2).flattened()
        return shared(heads[1](heads[0](dropout(features))))
    }
}

private struct ValueModel: Layer {
    let first = Linear(2, 3)
    let second = Linear(3, 1)
    func callAsFunction(_ x: Tensor) -> Tensor { second(first(x).tanh()) }
}

extension DeepLearningTests {
@Suite("Modules: reflected parameters, modes, Sequential and summaries")
struct ModuleTests {
    @Test func parametersAreFoundWithDottedNames() {
        let net = SmallNet()
        #expect(net.namedParameters.map(\.name) == [
            "conv1.weight", "conv1.bias", "norm.weight", "norm.bias",
            "heads.0.weight", "heads.0.bias", "heads.1.weight", "heads.1.bias",
            "shared.weight", "shared.bias",
        ])
        #expect(net.parameterCount == 18 + 2 + 4 + 24 + 3 + 6 + 2 + 4 + 2)
        #expect(net(Tensor.zeros([2, 1, 6, 6])).shape == [2, 2])
        #expect(ValueModel().namedParameters.map(\.name) == ["first.weight", "first.bias", "second.weight", "second.bias"])
    }

    @Test func replacedLayersShowAfterRefresh() {
        let net = SmallNet()
        let old = net.parameters.count
        net.shared = Linear(2, 2, bias: false)
        net.refreshParameters()
        #expect(net.parameters.count == old + 1)   // the new layer, plus the old one still held by sharedAgain
    }

    @Test func trainAndEvalRecurse() {
        let net = SmallNet()
        net.eval()
        #expect(!net.dropout.isTraining && !net.norm.isTraining)
        #expect(!net.isTrainingMode)
        net.train()
        #expect(net.dropout.isTraining && net.norm.isTraining)
        let model = Sequential { Linear(2, 2); Dropout(0.5) }
        model.eval()
        #expect(!(model.layers[1] as! Dropout).isTraining)
    }

    @Test func sequentialBuilderSupportsIfAndFor() {
        let deep = true
        let model = Sequential {
            Linear(4, 8); ReLU()
            for _ in 0..<2 { Linear(8, 8); Tanh() }
            if deep { Linear(8, 8) } else { Dropout(0.1) }
            if !deep { ReLU() }
            Linear(8, 1)
        }
        #expect(model.layers.count == 8)
        #expect(model(Tensor.zeros([3, 4])).shape == [3, 1])
        #expect(model.namedParameters.first?.name == "0.weight")
        let count = model.parameters.count
        model.layers.append(Linear(1, 1))
        #expect(model.parameters.count == count + 2)
    }

    @Test func summaryShowsTheTreeWithCounts() {
        let model = Sequential {
            Conv2D(1, 32, kernel: 3); ReLU(); MaxPool2D(2)
            Flatten(); Linear(32 * 13 * 13, 10)
        }
        let text = model.description
        #expect(text.hasPrefix("Sequential — 54,410 parameters"))
        #expect(text.contains("0: Conv2D(1 → 32, kernel: 3) — 320 parameters"))
        #expect(text.contains("2: MaxPool2D(2)"))
        #expect(text.contains("4: Linear(5408 → 10) — 54,090 parameters"))
        let custom = summary(of: SmallNet())
        #expect(custom.contains("heads.1: Linear(3 → 2) — 8 parameters"))
        // print(model) shows the same tree for your own models.
        #expect(SmallNet().description == custom)
        #expect(custom.hasPrefix("SmallNet — "))
    }
}
}
