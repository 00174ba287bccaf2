// One pre-norm Transformer block training step (d = 128, 4 heads, feed-forward 512, GELU,
// causal self-attention, sequence 64, batch 32; MSE to a fixed target, Adam 1e-3), the
// workload of issue 15, beside its PyTorch twin Benchmarks/torch_transformer_block.py.
// 20 warm-up steps, then STEPS timed ones, each timed on its own.
// Usage: transformer-bench THREADS STEPS (defaults 2, 100).
import BenchSupport
import DeepLearning
import NumericCore

let arguments = integerArguments(["THREADS", "STEPS"], defaults: [2, 100])
useThreads(arguments[0])
Tensor.seed(0)

let block = TransformerBlock(dimension: 128, heads: 4, hiddenDimension: 512, activation: .gelu, causal: true)
let inputs = Tensor.randomNormal([32, 64, 128])
let targets = Tensor.randomNormal([32, 64, 128])
let optimizer = Adam(block.parameters, learningRate: 1e-3)

func step() {
    optimizer.zeroGrad()
    mse(block(inputs), targets).backward()
    optimizer.step()
}

for _ in 0..<20 { step() }
var stepSeconds: [Double] = []
for _ in 0..<arguments[1] { stepSeconds.append(timed { step() }.seconds) }
let total = stepSeconds.reduce(0, +)
stepSeconds.sort()
report("transformer_block_d128_h4_t64_b32", [
    "steps_per_s": fixed(Double(stepSeconds.count) / total, 1),
    "step_ms_median": fixed(1000 * stepSeconds[stepSeconds.count / 2], 2),
    "step_ms_p10": fixed(1000 * stepSeconds[stepSeconds.count / 10], 2),
])
