import Foundation
import Testing
import NumericCore
@testable import DeepLearning

/// Two interleaved half circles with Gaussian noise, labelled 0 and 1.
func twoMoons(count: Int, noise: Float, seed: UInt64) -> (points: Tensor, labels: Tensor) {
    var generator = SeededGenerator(seed: seed)
    var points: [Float] = [], labels: [Float] = []
    for i in 0..<count {
        let upper = i % 2 == 0
        let angle = Float.pi * generator.nextFloat()
        let x = upper ? cos(angle) : 1 - cos(angle)
        let y = upper ? sin(angle) : 0.5 - sin(angle)
        points += [x + noise * Float(generator.nextNormal()), y + noise * Float(generator.nextNormal())]
        labels.append(upper ? 0 : 1)
    }
    return (Tensor(points, shape: [count, 2]), Tensor(labels))
}

extension DeepLearningTests {
@Suite("Training converges and is deterministic")
struct ConvergenceTests {
    @Test func tinyMLPLearnsXOR() {
        Tensor.seed(3)
        let inputs = Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
        let targets = Tensor([[0], [1], [1], [0]])
        let model = Sequential { Linear(2, 8); Tanh(); Linear(8, 1) }
        let optimizer = Adam(model.parameters, learningRate: 0.05)
        for _ in 0..<400 {
            let loss = binaryCrossEntropy(model(inputs), targets)
            optimizer.zeroGrad(); loss.backward(); optimizer.step()
        }
        let predictions = predict(model, inputs).sigmoid().scalars.map { $0 > 0.5 ? Float(1) : 0 }
        #expect(predictions == [0, 1, 1, 0])
    }

    @Test func mlpSeparatesTwoMoons() {
        Tensor.seed(4)
        let train = twoMoons(count: 400, noise: 0.1, seed: 1)
        let test = twoMoons(count: 400, noise: 0.1, seed: 2)
        let model = Sequential { Linear(2, 32); ReLU(); Linear(32, 32); ReLU(); Linear(32, 2) }
        let loader = DataLoader(TensorDataset(inputs: train.points, targets: train.labels), batchSize: 32, shuffle: true, seed: 5)
        let history = fit(model, optimizer: Adam(model.parameters, learningRate: 0.01), data: loader, epochs: 40)
        #expect(history.epochs.count == 40)
        #expect(history.losses.last! < history.losses.first!)
        let accuracy = evaluate(model, on: TensorDataset(inputs: test.points, targets: test.labels))
        #expect(accuracy >= 0.97, "two-moons test accuracy \(accuracy)")
        // Batched class predictions agree with the accuracy above.
        let testSet = TensorDataset(inputs: test.points, targets: test.labels)
        let predicted = predictClasses(model, on: testSet, batchSize: 64)
        let labels = test.labels.scalars.map { Int($0) }
        #expect(predicted.count == labels.count)
        #expect(abs(Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count) - accuracy) < 1e-9)
    }

    /// A short training run with shuffling and dropout; returns its losses.
    private func lossSequence(seed: UInt64) -> [Float] {
        Tensor.seed(seed)
        let data = twoMoons(count: 64, noise: 0.2, seed: 9)
        let model = Sequential { Linear(2, 16); ReLU(); Dropout(0.3); Linear(16, 2) }
        let optimizer = SGD(model.parameters, learningRate: 0.1, momentum: 0.9)
        var losses: [Float] = []
        for _ in 0..<3 {
            for (x, y) in DataLoader(TensorDataset(inputs: data.points, targets: data.labels), batchSize: 16, shuffle: true, seed: seed) {
                let loss = crossEntropy(model(x), y)
                optimizer.zeroGrad(); loss.backward(); optimizer.step()
                losses.append(loss.item)
            }
        }
        return losses
    }

    @Test func sameSeedGivesIdenticalLosses() {
        let first = lossSequence(seed: 11), second = lossSequence(seed: 11)
        #expect(first == second)
        #expect(first != lossSequence(seed: 12))
    }

    @Test func fitReportsProgressAndKeepsEveryEpoch() {
        Tensor.seed(5)
        let data = twoMoons(count: 64, noise: 0.1, seed: 3)
        var updates: [TrainingProgress.Update] = []
        TrainingProgress.sink = { updates.append($0) }
        defer { TrainingProgress.sink = nil }
        let model = Sequential { Linear(2, 8); ReLU(); Linear(8, 2) }
        let dataset = TensorDataset(inputs: data.points, targets: data.labels)
        let history = fit(model, optimizer: SGD(model.parameters, learningRate: 0.1), data: DataLoader(dataset, batchSize: 8),
                          epochs: 2, validation: dataset, reportEvery: 4)
        #expect(updates.map(\.completed) == [4, 8, 4, 8])
        #expect(updates.first?.label == "epoch 1/2" && updates.last?.label == "epoch 2/2")
        #expect(Set(updates.map(\.task)).count == 1)   // one task, so one line once collapsed
        #expect(history.epochs.map(\.epoch) == [1, 2])
        #expect(history.epochs.allSatisfy { $0.accuracy != nil && $0.validationAccuracy != nil })
        #expect(TrainingMessages.nonFiniteLoss(.nan, epoch: 2, batch: 5, of: 8, step: 13)
            .hasPrefix("fit: the loss became NaN at epoch 2, batch 5 of 8 (step 13)"))
    }
}
    @Test func earlyStoppingKeepsTheBestEpochsWeights() {
        Tensor.seed(6)
        let data = twoMoons(count: 64, noise: 0.1, seed: 3)
        let train = TensorDataset(inputs: data.points, targets: data.labels)
        // The same points with every label flipped: learning the training set makes this
        // validation loss worse epoch after epoch, so the best epoch is the first.
        let flipped = TensorDataset(inputs: data.points, targets: 1 - data.labels)
        let model = Sequential { Linear(2, 16); ReLU(); Linear(16, 2) }
        let history = fit(model, optimizer: SGD(model.parameters, learningRate: 0.2), data: DataLoader(train, batchSize: 8),
                          epochs: 30, validation: flipped, earlyStopping: EarlyStopping(patience: 3))
        let losses = history.epochs.compactMap(\.validationLoss)
        #expect(losses.count == history.epochs.count)
        let best = try! #require(history.bestEpoch)
        #expect(losses[best - 1] == losses.min())
        #expect(history.stoppedEarly && history.epochs.count == best + 3)
        // The model holds the best epoch's weights again.
        let now = validationMetrics(model, on: flipped, loss: crossEntropy).loss
        #expect(abs(now - losses[best - 1]) < 1e-9)
        #expect(abs(now - losses.last!) > 1e-3)
    }

}
