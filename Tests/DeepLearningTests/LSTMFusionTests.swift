import Foundation
import Testing
@testable import DeepLearning
import NumericCore

/// The fused LSTM (`LSTMSequence`) against the step-by-step composition of ordinary tensor
/// operations it replaced, and its fast activations against Foundation's.
extension DeepLearningTests {
@Suite("Fused LSTM")
struct LSTMFusionTests {
    /// The LSTM written with slices, sigmoid, tanh and products, as before the fusion.
    static func composed(_ lstm: LSTM, _ input: Tensor) -> (states: Tensor, final: Tensor, cell: Tensor) {
        let n = input.shape[0], steps = input.shape[1], size = lstm.hiddenSize
        let projected = (matmul(input.reshaped([n * steps, lstm.inputSize]), lstm.inputWeight, transposingB: true) + lstm.bias)
            .reshaped([n, steps, 4 * size])
        var h = Tensor.zeros([n, size]), c = Tensor.zeros([n, size])
        var states: [Tensor] = []
        for t in 0..<steps {
            let gates = projected.slice(axis: 1, t..<(t + 1)).reshaped([n, 4 * size]) + matmul(h, lstm.hiddenWeight, transposingB: true)
            let i = gates.slice(axis: 1, 0..<size).sigmoid()
            let f = gates.slice(axis: 1, size..<(2 * size)).sigmoid()
            let g = gates.slice(axis: 1, (2 * size)..<(3 * size)).tanh()
            let o = gates.slice(axis: 1, (3 * size)..<(4 * size)).sigmoid()
            c = f * c + i * g
            h = o * c.tanh()
            states.append(h)
        }
        return (Tensor.stack(states, axis: 1), h, c)
    }

    /// A loss that reads all three outputs with different weights.
    static func loss(_ out: (states: Tensor, final: Tensor, cell: Tensor), _ seed: UInt64) -> Tensor {
        (out.states * sample(out.states.shape, seed: seed)).sum()
            + (out.final * sample(out.final.shape, seed: seed + 1)).sum()
            + (out.cell * sample(out.cell.shape, seed: seed + 2)).sum()
    }

    /// Values and gradients of the fused layer equal those of the composition; `batch` large
    /// enough splits the recurrence across workers, and 32 steps of 8 rows cut the hidden
    /// weight's gradient along the steps.
    @Test(arguments: [(3, 4, 3, 5), (8, 5, 16, 128), (8, 32, 16, 64)])
    func fusedMatchesComposition(_ sizes: (batch: Int, steps: Int, features: Int, hidden: Int)) {
        Tensor.seed(21)
        let lstm = LSTM(sizes.features, sizes.hidden)
        let x = sample([sizes.batch, sizes.steps, sizes.features], seed: 22)
        x.requiresGrad = true
        let parameters = [x, lstm.inputWeight, lstm.hiddenWeight, lstm.bias]

        let fused = lstm.run(x)
        Self.loss(fused, 30).backward()
        let fusedGradients = parameters.map { $0.grad!.scalars }
        parameters.forEach { $0.zeroGrad() }

        let reference = Self.composed(lstm, x)
        Self.loss(reference, 30).backward()
        #expect(close(fused.states.scalars, reference.states.scalars, tolerance: 1e-5))
        #expect(close(fused.final.scalars, reference.final.scalars, tolerance: 1e-5))
        #expect(close(fused.cell.scalars, reference.cell.scalars, tolerance: 1e-5))
        for (parameter, gradient) in zip(parameters, fusedGradients) {
            #expect(close(gradient, parameter.grad!.scalars, tolerance: 1e-4))
        }
    }

    /// Gradients reaching only the final hidden and cell states match finite differences.
    @Test func finalStatesGradients() {
        Tensor.seed(23)
        let lstm = LSTM(3, 4)
        let x = sample([2, 3, 3], seed: 24)
        checkGradients([x] + lstm.parameters) { inputs in
            let out = lstm.run(inputs[0])
            return Tensor.concat([out.final, out.cell], axis: 1)
        }
        checkGradients([x] + lstm.parameters) { lstm.run($0[0]).cell }
    }

    @Test func fastActivationsMatchFoundation() {
        for x in stride(from: Float(-30), through: 30, by: 0.0137) {
            let exact = Foundation.exp(Double(x))
            #expect(abs(Double(FastActivations.exp(x)) - exact) <= 3e-7 * exact, "exp(\(x))")
            #expect(abs(FastActivations.sigmoid(x) - 1 / (1 + Foundation.exp(-x))) <= 1e-6, "sigmoid(\(x))")
            #expect(abs(FastActivations.tanh(x) - Foundation.tanh(x)) <= 1e-6, "tanh(\(x))")
        }
        for start in stride(from: Float(-100), through: 100, by: 0.77) {
            let x = SIMD8<Float>((0..<8).map { start + Float($0) * 0.09 })
            let lanes = (FastActivations.exp(x), FastActivations.sigmoid(x), FastActivations.tanh(x))
            for k in 0..<8 {
                #expect(lanes.0[k] == FastActivations.exp(x[k]) && lanes.1[k] == FastActivations.sigmoid(x[k])
                        && lanes.2[k] == FastActivations.tanh(x[k]), "lanes at \(x[k])")
            }
        }
        #expect(FastActivations.sigmoid(-200) >= 0 && FastActivations.sigmoid(200) == 1)
        #expect(FastActivations.tanh(-200) == -1 && FastActivations.tanh(200) == 1)
    }
}
}

extension DeepLearningTests {
@Suite("Split GEMM")
struct SplitGemmTests {
    /// Products large enough to be split, by rows (tall) and by columns (wide), in every
    /// transposition, agree with the same product run on one thread.
    @Test(arguments: [(400, 64, 512), (64, 400, 512)])
    func splitProductsMatchSerial(_ sizes: (m: Int, n: Int, k: Int)) {
        let (m, n, k) = sizes
        for transA in [Transpose.none, .transposed] {
            for transB in [Transpose.none, .transposed] {
                let a = sample([m * k], seed: 40), b = sample([k * n], seed: 41), start = sample([m * n], seed: 42)
                let lda = transA == .none ? k : m, ldb = transB == .none ? n : k
                let split = start.copy(), serial = start.copy()
                Gemm.run(transA: transA, transB: transB, m: m, n: n, k: k, a: a.pointer, lda: lda,
                         b: b.pointer, ldb: ldb, beta: 0.5, c: split.pointer, ldc: n, split: .largerSide)
                Gemm.singleThreadedBLAS {
                    Gemm.serial(transA: transA, transB: transB, m: m, n: n, k: k, a: a.pointer, lda: lda,
                                b: b.pointer, ldb: ldb, beta: 0.5, c: serial.pointer, ldc: n)
                }
                #expect(close(split.scalars, serial.scalars, tolerance: 1e-5), "transA \(transA) transB \(transB)")
            }
        }
    }

    /// A deep `Aᵀ·B` cut along its depth (the fused LSTM's weight gradients) agrees with one
    /// serial product, both overwriting and accumulating, and is cut into several slices.
    @Test func depthSplitProductMatchesSerial() {
        let (m, n, k) = (64, 48, 2000)
        #expect(m * n * k >= Gemm.parallelWork && k / Gemm.minDepthSlice >= 2)
        let a = sample([k * m], seed: 43), b = sample([k * n], seed: 44), start = sample([m * n], seed: 45)
        for beta in [Float(0), 1] {
            let split = start.copy(), serial = start.copy()
            Gemm.depthSplitTransposedProduct(m: m, n: n, k: k, a: a.pointer, lda: m, b: b.pointer, ldb: n,
                                             beta: beta, c: split.pointer, ldc: n)
            Gemm.singleThreadedBLAS {
                Gemm.serial(transA: .transposed, m: m, n: n, k: k, a: a.pointer, lda: m, b: b.pointer, ldb: n,
                            beta: beta, c: serial.pointer, ldc: n)
            }
            #expect(close(split.scalars, serial.scalars, tolerance: 1e-4), "beta \(beta)")
        }
    }
}
}
