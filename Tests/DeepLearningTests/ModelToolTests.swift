import Foundation
import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Saving, loading, adversarial examples, pruning and quantisation")
struct ModelToolTests {
    @Test func safetensorsRoundTrip() throws {
        let tensors = ["a.weight": Tensor([[1, -2.5], [3, 4]]), "b": Tensor([0.125])]
        let data = SafeTensors.encode(tensors, metadata: ["format": "pt"])
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(headerLength % 8 == 0)
        let header = String(decoding: data[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.contains("\"a.weight\":{\"data_offsets\":[0,16],\"dtype\":\"F32\",\"shape\":[2,2]}"))
        let decoded = try SafeTensors.decode(data)
        #expect(decoded["a.weight"]?.scalars == [1, -2.5, 3, 4] && decoded["a.weight"]?.shape == [2, 2])
        #expect(decoded["b"]?.scalars == [0.125])
        #expect(throws: SafeTensorsError.self) { try SafeTensors.decode(Data([1, 2, 3])) }
    }

    @Test func modelsSaveAndLoadByDottedName() throws {
        Tensor.seed(1)
        let original = Sequential { Linear(3, 4); BatchNorm1D(4); Linear(4, 2) }
        _ = original(sample([5, 3]))      // moves the running statistics
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dl-test-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try original.save(to: url)
        let copy = Sequential { Linear(3, 4); BatchNorm1D(4); Linear(4, 2) }
        try copy.load(from: url)
        #expect(copy.namedState.map(\.name).contains("1.runningMean"))
        for (a, b) in zip(original.namedState, copy.namedState) { #expect(a.tensor.scalars == b.tensor.scalars, "\(a.name)") }
        let wrong = Sequential { Linear(3, 5) }
        #expect(throws: SafeTensorsError.self) { try wrong.load(from: url) }
    }

    @Test func fgsmIncreasesTheLoss() {
        Tensor.seed(2)
        let model = Sequential { Linear(4, 8); Tanh(); Linear(8, 3) }
        let x = sample([6, 4], seed: 3), y = Tensor([0, 1, 2, 0, 1, 2])
        let adversarial = fgsm(model, x, y, epsilon: 0.2)
        let changes = zip(adversarial.scalars, x.scalars).map { abs($0 - $1) }
        #expect(changes.allSatisfy { abs($0 - 0.2) < 1e-5 || $0 == 0 })
        let before = withoutGradients { crossEntropy(model(x), y).item }
        let after = withoutGradients { crossEntropy(model(adversarial), y).item }
        #expect(after > before)
        #expect(model.parameters.allSatisfy { $0.grad == nil })
    }

    @Test func fgsmClipsIntoTheValidRange() {
        Tensor.seed(2)
        let model = Sequential { Linear(4, 8); Tanh(); Linear(8, 3) }
        let x = Tensor([[0.95, -0.95, 0.0, 0.5], [-1, 1, 0.2, -0.3]]), y = Tensor([0, 2])
        let clipped = fgsm(model, x, y, epsilon: 0.2, clippingTo: -1...1)
        #expect(clipped.scalars.allSatisfy { (-1...1).contains($0) })
        let unclipped = fgsm(model, x, y, epsilon: 0.2)
        #expect(unclipped.scalars.contains { abs($0) > 1 })   // the case clipping is for
        for (c, u) in zip(clipped.scalars, unclipped.scalars) { #expect(c == min(max(u, -1), 1)) }
    }

    @Test func checkpointsRestoreWeightsAndRunningStatistics() {
        Tensor.seed(4)
        let model = Sequential { Linear(3, 4); BatchNorm1D(4); Linear(4, 2) }
        _ = model(sample([5, 3]))
        let saved = model.checkpoint()
        let before = model.namedState.map { $0.tensor.scalars }
        _ = model(sample([5, 3], seed: 9))                       // running statistics move
        model.parameters.forEach { $0.assign(Tensor.zeros($0.shape)) }
        #expect(model.namedState.map { $0.tensor.scalars } != before)
        model.restore(saved)
        #expect(model.namedState.map { $0.tensor.scalars } == before)
        // The checkpoint is a copy: changing the model afterwards leaves it alone.
        model.parameters[0].assign(Tensor.ones(model.parameters[0].shape))
        #expect(saved.tensors[0].tensor.scalars == before[0])
        // Copying one model into another of the same architecture.
        let twin = Sequential { Linear(3, 4); BatchNorm1D(4); Linear(4, 2) }
        twin.restore(saved)
        #expect(twin.namedState.map { $0.tensor.scalars } == before)
    }

    @Test func randomTensorsCanAskForGradients() {
        let x = Tensor.randomNormal([2, 3], requiresGrad: true)
        (x * x).sum().backward()
        #expect(x.grad?.scalars == x.scalars.map { 2 * $0 })
        #expect(!Tensor.randomUniform([2]).requiresGrad)
        #expect(Tensor.randomUniform([2], requiresGrad: true).requiresGrad)
    }

    @Test func pruningZeroesTheSmallestWeights() {
        let layer = Linear(2, 2)
        layer.weight.assign(Tensor([[0.1, -0.9], [0.5, -0.2]]))
        #expect(prune(layer, fraction: 0.5) == 2)
        #expect(layer.weight.scalars == [0, -0.9, 0.5, 0])
        #expect(layer.bias!.scalars.allSatisfy { $0 != 0 })
    }

    @Test func int8QuantisationStaysWithinHalfAStep() {
        let t = sample([50], seed: 4, in: -2...2)
        let q = QuantizedTensor(t)
        #expect(q.byteCount == 50 && q.values.allSatisfy { $0 >= -127 })
        let error = zip(q.dequantized().scalars, t.scalars).map { abs($0 - $1) }.max()!
        #expect(error <= q.scale / 2 + 1e-6)
        let model = Sequential { Linear(3, 3) }
        #expect(quantizeWeights(model) <= model.parameters.map { QuantizedTensor($0).scale }.max()! / 2 + 1e-6)
    }
}
}
