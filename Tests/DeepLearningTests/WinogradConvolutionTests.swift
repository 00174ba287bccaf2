import Testing
@testable import DeepLearning
import NumericCore

extension DeepLearningTests {
/// Winograd's F(2×2, 3×3) path of `conv2d` against im2col (itself checked against direct sums
/// in `KernelPathTests`): values, all three gradients, finite differences, padding, odd and even
/// output sizes, partial blocks, and the same bits for every thread count.
@Suite("Winograd convolution")
struct WinogradConvolutionTests {
    struct Gradients { var output: [Float]; var input: [Float]; var weight: [Float]; var bias: [Float] }

    /// Output and gradients of `conv2d` by `algorithm`, under fixed output weights.
    func run(_ algorithm: ConvolutionAlgorithm, input: [Float], weight: [Float], bias: [Float],
             shape: [Int], outChannels: Int, padding: Int) -> Gradients {
        let x = Tensor(input, shape: shape).asParameter()
        let w = Tensor(weight, shape: [outChannels, shape[1], 3, 3]).asParameter()
        let b = Tensor(bias, shape: [outChannels]).asParameter()
        let y = conv2d(x, weight: w, bias: b, stride: 1, padding: padding, algorithm: algorithm)
        let probe = sample(y.shape, seed: 7, in: 0.5...1.5)
        (y * probe).sum().backward()
        return Gradients(output: y.scalars, input: x.grad!.scalars, weight: w.grad!.scalars, bias: b.grad!.scalars)
    }

    // Output sizes 10 (even), 9, 11, 1 (odd; the last tile hangs over), with and without padding;
    // batches that leave the last block partly empty.
    @Test(arguments: [([3, 4, 12, 12], 5, 0), ([5, 3, 11, 11], 4, 0), ([2, 2, 13, 13], 3, 0),
                      ([3, 4, 9, 7], 6, 1), ([1, 2, 3, 3], 2, 0), ([4, 3, 6, 6], 2, 2)])
    func matchesIm2col(shape: [Int], outChannels: Int, padding: Int) {
        let count = shape.reduce(1, *)
        let input = sample([count], seed: 41).scalars, weight = sample([outChannels * shape[1] * 9], seed: 42).scalars
        let bias = sample([outChannels], seed: 43).scalars
        let reference = run(.im2col, input: input, weight: weight, bias: bias, shape: shape, outChannels: outChannels, padding: padding)
        let winograd = run(.winograd, input: input, weight: weight, bias: bias, shape: shape, outChannels: outChannels, padding: padding)
        #expect(close(winograd.output, reference.output, tolerance: 1e-5))
        #expect(close(winograd.input, reference.input, tolerance: 1e-5))
        #expect(close(winograd.weight, reference.weight, tolerance: 1e-5))
        #expect(close(winograd.bias, reference.bias, tolerance: 1e-5))
    }

    @Test func gradientsMatchFiniteDifferences() {
        let input = sample([2, 3, 7, 6], seed: 44), weight = sample([2, 3, 3, 3], seed: 45), bias = sample([2], seed: 46)
        checkGradients([input, weight, bias]) {
            conv2d($0[0], weight: $0[1], bias: $0[2], stride: 1, padding: 1, algorithm: .winograd)
        }
    }

    @Test func inputUsedTwiceAccumulatesItsGradient() {
        let x = sample([2, 3, 8, 8], seed: 47), w = sample([4, 3, 3, 3], seed: 48)
        func gradient(_ algorithm: ConvolutionAlgorithm) -> [Float] {
            x.requiresGrad = true; x.zeroGrad()
            let once = conv2d(x, weight: w, bias: nil, stride: 1, padding: 0, algorithm: algorithm)
            let twice = conv2d(x * 1, weight: w, bias: nil, stride: 1, padding: 1, algorithm: algorithm)
            (x.sum() + once.sum() + (twice * 2).sum()).backward()
            return x.grad!.scalars
        }
        #expect(close(gradient(.winograd), gradient(.im2col), tolerance: 1e-5))
    }

    @Test func frozenWeightStillPassesGradientsToTheInput() {
        let x = sample([2, 16, 6, 6], seed: 49), frozen = sample([16, 16, 3, 3], seed: 50)
        x.requiresGrad = true
        conv2d(x, weight: frozen, bias: nil, stride: 1, padding: 0, algorithm: .winograd).sum().backward()
        let winograd = x.grad!.scalars
        x.zeroGrad()
        conv2d(x, weight: frozen, bias: nil, stride: 1, padding: 0, algorithm: .im2col).sum().backward()
        #expect(close(winograd, x.grad!.scalars, tolerance: 1e-5))
    }

    @Test func automaticChoiceTakesWinogradForWideThreeByThree() {
        let g = WindowGeometry([64, 32, 13, 13], kernel: 3, stride: 1, padding: 0, layer: "Conv2D")
        #expect(WinogradConvolution.applies(g, outChannels: 64))
        #expect(!WinogradConvolution.applies(WindowGeometry([64, 1, 28, 28], kernel: 3, stride: 1, padding: 0, layer: "Conv2D"),
                                             outChannels: 32))
        #expect(!WinogradConvolution.applies(WindowGeometry([64, 32, 13, 13], kernel: 3, stride: 2, padding: 0, layer: "Conv2D"),
                                             outChannels: 64))
    }

    /// The seed CNN's second convolution, large enough to be split over the cores and into
    /// backward chunks: the same bits under 1, 2, 3 and 8 workers.
    @Test func sameBitsForEveryThreadCount() {
        let input = sample([20, 32, 13, 13], seed: 51).scalars, weight = sample([64 * 32 * 9], seed: 52, in: -0.1...0.1).scalars
        let bias = sample([64], seed: 53).scalars
        let runs = [1, 2, 3, 8].map { n in
            Parallel.withWorkers(n) {
                run(.automatic, input: input, weight: weight, bias: bias, shape: [20, 32, 13, 13], outChannels: 64, padding: 0)
            }
        }
        for other in runs.dropFirst() {
            #expect(other.output.map(\.bitPattern) == runs[0].output.map(\.bitPattern))
            #expect(other.input.map(\.bitPattern) == runs[0].input.map(\.bitPattern))
            #expect(other.weight.map(\.bitPattern) == runs[0].weight.map(\.bitPattern))
            #expect(other.bias.map(\.bitPattern) == runs[0].bias.map(\.bitPattern))
        }
    }
}
}
