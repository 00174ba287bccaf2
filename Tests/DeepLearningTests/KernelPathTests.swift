import Testing
@testable import DeepLearning

extension DeepLearningTests {
/// The fast paths of convolution and pooling against plain loops, at the sizes that switch
/// between them: per-sample products and grouped ones, kept patches and scratch patches,
/// eight-, four- and one-at-a-time pooling rows.
@Suite("Convolution and pooling fast paths against plain loops")
struct KernelPathTests {
    /// Direct sum of a convolution, the textbook definition.
    func directConvolution(_ x: Tensor, _ w: Tensor, _ b: Tensor?, stride: Int, padding: Int) -> [Float] {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, k) = (w.shape[0], w.shape[2])
        let oh = (h + 2 * padding - k) / stride + 1, ow = (wd + 2 * padding - k) / stride + 1
        let xs = x.scalars, ws = w.scalars, bs = b?.scalars
        var out: [Float] = []
        for s in 0..<n { for q in 0..<o { for i in 0..<oh { for j in 0..<ow {
            var total = bs?[q] ?? 0
            for ch in 0..<c { for ki in 0..<k { for kj in 0..<k {
                let r = i * stride - padding + ki, col = j * stride - padding + kj
                guard r >= 0, r < h, col >= 0, col < wd else { continue }
                total += xs[((s * c + ch) * h + r) * wd + col] * ws[((q * c + ch) * k + ki) * k + kj]
            } } }
            out.append(total)
        } } } }
        return out
    }

    @Test(arguments: [(12, 1, 0), (6, 1, 1), (5, 2, 1), (16, 1, 0)])
    func convolutionMatchesDirectSums(size: Int, stride: Int, padding: Int) {
        // Output planes of 100, 36, 9 and 196 positions: one sample per product, or several.
        let x = sample([3, 2, size, size], seed: 31), w = sample([4, 2, 3, 3], seed: 32), b = sample([4], seed: 33)
        let expected = directConvolution(x, w, b, stride: stride, padding: padding)
        w.requiresGrad = true
        #expect(close(conv2d(x, weight: w, bias: b, stride: stride, padding: padding).scalars, expected))
        // Without gradients the patches live in per-core scratch instead of the batch matrix.
        let evaluated = withoutGradients { conv2d(x, weight: w, bias: b, stride: stride, padding: padding) }
        #expect(close(evaluated.scalars, expected))
        #expect(close(conv2d(x, weight: w, bias: nil, stride: stride, padding: padding).scalars,
                      directConvolution(x, w, nil, stride: stride, padding: padding)))
    }

    @Test func convolutionGradientsPerSample() {
        // A 10×10 output plane: every sample gets its own products, forward and backward.
        let input = sample([2, 2, 12, 12], seed: 34), weight = sample([3, 2, 3, 3], seed: 35), bias = sample([3], seed: 36)
        checkGradients([input, weight, bias]) { conv2d($0[0], weight: $0[1], bias: $0[2]) }
    }

    @Test func frozenConvolutionStillPassesGradientsToItsInput() {
        // A frozen weight keeps no patches; the input's gradient must not need them.
        let input = sample([2, 2, 12, 12], seed: 37), weight = sample([3, 2, 3, 3], seed: 38)
        let frozen = Tensor(weight.scalars, shape: weight.shape)
        input.requiresGrad = true
        (conv2d(input, weight: frozen, bias: nil) * 2).sum().backward()
        let withFrozen = input.grad!.scalars
        input.zeroGrad()
        weight.requiresGrad = true
        (conv2d(input, weight: weight, bias: nil) * 2).sum().backward()
        #expect(close(withFrozen, input.grad!.scalars))
    }

    @Test func biasGradientIsEachChannelsTotal() {
        // Five channels: one block of four running totals and one channel on its own.
        let input = sample([3, 1, 9, 9], seed: 39), weight = sample([5, 1, 3, 3], seed: 40), bias = sample([5], seed: 41)
        bias.requiresGrad = true
        let output = conv2d(input, weight: weight, bias: bias)
        let upstream = sample(output.shape, seed: 42)
        (output * upstream).sum().backward()
        let g = upstream.scalars, plane = 49
        var expected = [Float](repeating: 0, count: 5)
        for s in 0..<3 { for o in 0..<5 { for i in 0..<plane { expected[o] += g[(s * 5 + o) * plane + i] } } }
        #expect(close(bias.grad!.scalars, expected))
    }

    @Test func shortRunsCopyAndAddEveryLength() {
        // Runs below, at and past the eight lanes, with an overlapping last copy; nothing
        // outside the destination run may change.
        for count in 0...27 {
            let source = (0..<count).map { Float($0) + 0.5 }
            var destination = [Float](repeating: -1, count: count + 2)
            source.withUnsafeBufferPointer { s in
                destination.withUnsafeMutableBufferPointer { d in ShortRuns.copy(s.baseAddress!, to: d.baseAddress! + 1, count: count) }
            }
            #expect(destination == [-1] + source + [-1], "copy of \(count)")
            destination.withUnsafeMutableBufferPointer { d in
                source.withUnsafeBufferPointer { s in ShortRuns.add(s.baseAddress!, into: d.baseAddress! + 1, count: count) }
            }
            #expect(destination == [-1] + source.map { 2 * $0 } + [-1], "add of \(count)")
        }
    }

    @Test(arguments: [2, 3, 7, 8, 9, 10, 11, 15, 16, 17, 26, 33])
    func twoByTwoMaxPoolingMatchesPlainLoops(width: Int) {
        // Few distinct values, so that windows hold ties: the earliest position must win.
        // Odd widths come with odd heights: the uncovered last row and column must get zeros.
        let height = 6 + width % 2, count = 2 * height * width
        let values: [Float] = (0..<count).map { (i: Int) -> Float in Float((i * 7 + i / 5) % 5) - 2 }
        let x = Tensor(values, shape: [1, 2, height, width], requiresGrad: true)
        let pooled = maxPool2d(x, kernel: 2)
        let oh = height / 2, ow = width / 2
        var expectedValues: [Float] = [], expectedGradient = [Float](repeating: 0, count: count)
        for plane in 0..<2 { for i in 0..<oh { for j in 0..<ow {
            var best = plane * height * width + 2 * i * width + 2 * j
            for (di, dj) in [(0, 1), (1, 0), (1, 1)] {
                let at = plane * height * width + (2 * i + di) * width + 2 * j + dj
                if values[at] > values[best] { best = at }
            }
            expectedValues.append(values[best])
            expectedGradient[best] += Float(expectedValues.count)
        } } }
        #expect(pooled.scalars == expectedValues)
        let upstream = Tensor((1...expectedValues.count).map { Float($0) }, shape: pooled.shape)
        (pooled * upstream).sum().backward()
        #expect(x.grad!.scalars == expectedGradient)
    }
}
}
