import BenchSupport
import DeepLearning
import NumericCore

/// Trains `model` on one fixed batch with Adam 1e-3, as `torch_small.py` does: 20 warm-up
/// steps, then `steps` timed ones; reports samples and steps per second.
func benchmarkSteps(_ name: String, _ model: some Layer, inputs: Tensor, labels: Tensor, steps: Int) {
    let optimizer = Adam(model.parameters, learningRate: 1e-3)
    func step() {
        optimizer.zeroGrad()
        crossEntropy(model(inputs), labels).backward()
        optimizer.step()
    }
    for _ in 0..<20 { step() }
    let (_, seconds) = timed { for _ in 0..<steps { step() } }
    report(name, [
        "samples_per_s": fixed(Double(steps * inputs.shape[0]) / seconds, 0),
        "steps_per_s": fixed(Double(steps) / seconds, 0),
    ])
}

/// `count` random class indices below `classes`, as a label tensor.
func randomLabels(_ count: Int, classes: Int, _ generator: inout SeededGenerator) -> Tensor {
    Tensor(indices: (0..<count).map { _ in generator.nextInt(below: classes) })
}
