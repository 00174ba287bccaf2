import Foundation
import Testing
@testable import DeepLearning
import NumericCore

/// The engine gives the same bits for every thread count: a CNN and an LSTM training step run
/// with 1, 2, 3 and 8 workers (and OpenBLAS set to as many threads) produce identical losses,
/// outputs, gradients and updated parameters. The shapes are small but cross the thresholds
/// from which the engine splits work (`Elementwise.parallelThreshold` elements,
/// `Gemm.parallelWork` multiply-adds), so every split loop runs split.
extension DeepLearningTests {
@Suite("Thread invariance")
struct ThreadInvarianceTests {
    static let workerCounts = [1, 2, 3, 8]

    /// Named bit patterns of what one run produced.
    typealias Record = [(name: String, bits: [UInt32])]

    /// Runs `workload` under every worker count and expects each record to equal the first.
    static func expectSameBits(_ workload: () -> Record, sourceLocation: SourceLocation = #_sourceLocation) {
        let runs = workerCounts.map { n in Parallel.withWorkers(n) { BLAS.withThreads(n) { workload() } } }
        for (n, run) in zip(workerCounts, runs).dropFirst() {
            for (reference, other) in zip(runs[0], run) {
                let differing = zip(reference.bits, other.bits).filter { $0 != $1 }.count
                #expect(differing == 0 && reference.bits.count == other.bits.count,
                        "\(reference.name): \(differing) of \(reference.bits.count) values differ between 1 and \(n) workers",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }

    /// Overwrites every parameter with seeded values, so that runs do not depend on the global
    /// generator (which other suites also draw from).
    static func initialise(_ parameters: [Tensor], seed: UInt64) {
        for (i, parameter) in parameters.enumerated() {
            let values = sample(parameter.shape, seed: seed + UInt64(i), in: -0.2...0.2).scalars
            parameter.withUnsafeMutableBufferPointer { buffer in for j in buffer.indices { buffer[j] = values[j] } }
        }
    }

    /// What a training step leaves behind: the loss, the model's output, every gradient and every
    /// parameter after the optimizer's step.
    static func trainingStep(_ parameters: [Tensor], input: Tensor, labels: [Int], output: (Tensor) -> Tensor) -> Record {
        let optimizer = Adam(parameters, learningRate: 1e-2)
        var record: Record = []
        for step in 0..<2 {
            optimizer.zeroGrad()
            let logits = output(input)
            let loss = crossEntropy(logits, labels)
            loss.backward()
            optimizer.step()
            record.append(("step \(step) loss", bits(loss)))
            record.append(("step \(step) logits", bits(logits)))
            for (i, parameter) in parameters.enumerated() {
                record.append(("step \(step) gradient \(i)", bits(parameter.grad!)))
                record.append(("step \(step) parameter \(i)", bits(parameter)))
            }
        }
        return record
    }

    /// conv → relu → pool → conv (small planes, several samples per product) → relu → linear →
    /// relu → linear, cross-entropy, backward, Adam.
    @Test func cnnTrainingStep() {
        let images = sample([32, 1, 16, 16], seed: 5)
        let labels = (0..<32).map { $0 % 10 }
        Self.expectSameBits {
            let model = Sequential {
                Conv2D(1, 8, kernel: 3, padding: 1); ReLU(); MaxPool2D(2)
                Conv2D(8, 16, kernel: 3, padding: 1); ReLU()
                Flatten(); Linear(16 * 8 * 8, 64); ReLU(); Linear(64, 10)
            }
            Self.initialise(model.parameters, seed: 100)
            return Self.trainingStep(model.parameters, input: images, labels: labels) { model($0) }
        }
    }

    /// The fused LSTM over a batch large enough to split its recurrence, its final state through
    /// a linear layer, cross-entropy, backward, Adam.
    @Test func lstmTrainingStep() {
        // 16 steps: the recurrence is cut into chunks of rows and the weight gradients (depth
        // 256) into two slices of the steps.
        let sequences = sample([16, 16, 64], seed: 6)
        let labels = (0..<16).map { $0 % 5 }
        Self.expectSameBits {
            let lstm = LSTM(64, 64), head = Linear(64, 5)
            let parameters = lstm.parameters + head.parameters
            Self.initialise(parameters, seed: 200)
            return Self.trainingStep(parameters, input: sequences, labels: labels) { head(lstm.run($0).final) }
        }
    }
}
}
