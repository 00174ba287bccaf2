// Training steps per second on the small models of ../shared/anchors/torch_small.py: an MLP
// on Fashion-MNIST-sized inputs, an LSTM sequence classifier and a tiny MLP (per-step
// overhead). Usage: small-models-bench THREADS (default 2).
import BenchSupport
import DeepLearning
import NumericCore

useThreads(integerArguments(["THREADS"], defaults: [2])[0])
Tensor.seed(0)
var generator = SeededGenerator(seed: 0)

let mlp = Sequential { Linear(784, 256); ReLU(); Linear(256, 128); ReLU(); Linear(128, 10) }
benchmarkSteps("mlp_784_256_128_10_b64", mlp, inputs: Tensor.randomNormal([64, 784]),
               labels: randomLabels(64, classes: 10, &generator), steps: 300)

let tokens = Tensor((0..<(32 * 50)).map { _ in Float(generator.nextInt(below: 1000)) }, shape: [32, 50])
benchmarkSteps("lstm_emb64_h128_seq50_b32", LSTMClassifier(), inputs: tokens,
               labels: randomLabels(32, classes: 2, &generator), steps: 100)

let tiny = Sequential { Linear(2, 16); Tanh(); Linear(16, 2) }
benchmarkSteps("tiny_mlp_2_16_2_b32", tiny, inputs: Tensor.randomNormal([32, 2]),
               labels: randomLabels(32, classes: 2, &generator), steps: 2000)
