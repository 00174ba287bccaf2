// Dense throughput of the engine's two GEMM-backed operations, in GFLOP/s, for comparison
// with OpenBLAS sgemm on its own (../shared/anchors/sgemm_peak.c, same size and threads):
//   matmul_n    Tensor matmul of two n × n matrices (the anchor's product), forward only;
//   conv2_fwd   the seed CNN's second convolution (batch 64, 32 → 64 channels, 13×13, 3×3),
//               forward: im2col, GEMM, reorder and bias;
//   conv2_train the same convolution forward and backward (weight, bias and input gradients).
// Usage: gemm-share-bench THREADS N (defaults 2 and 1024).
import BenchSupport
import DeepLearning
import NumericCore

let arguments = integerArguments(["THREADS", "N"], defaults: [2, 1024])
useThreads(arguments[0])
let n = arguments[1]
Tensor.seed(0)

/// Runs `body` once to warm up, then `repeats` times; GFLOP/s for `flops` per run.
func gigaflops(_ flops: Double, repeats: Int, _ body: () -> Void) -> Double {
    body()
    let (_, seconds) = timed { for _ in 0..<repeats { body() } }
    return flops * Double(repeats) / seconds / 1e9
}

let a = Tensor.randomUniform([n, n]), b = Tensor.randomUniform([n, n])
let matmulRate = gigaflops(2 * Double(n * n * n), repeats: 10) {
    withoutGradients { _ = matmul(a, b) }
}
report("matmul_n\(n)", ["threads": String(Parallel.workers), "gflops": fixed(matmulRate, 1)])

let conv = Conv2D(32, 64, kernel: 3)
let images = Tensor.randomNormal([64, 32, 13, 13])
let outputs: Int = 64 * 64 * 11 * 11                       // N · O · L
let depth: Int = 32 * 3 * 3                                  // multiply-adds per output
let forwardFlops = Double(2 * outputs * depth)
let forwardRate = gigaflops(forwardFlops, repeats: 20) {
    withoutGradients { _ = conv(images) }
}
report("conv2_fwd", ["threads": String(Parallel.workers), "gflops": fixed(forwardRate, 1)])

let trainable = Tensor.randomNormal([64, 32, 13, 13]).asParameter()
let trainRate = gigaflops(3 * forwardFlops, repeats: 20) {       // backward: two products of the same size
    conv(trainable).sum().backward()
    conv.zeroGrad(); trainable.zeroGrad()
}
report("conv2_train", ["threads": String(Parallel.workers), "gflops": fixed(trainRate, 1)])
