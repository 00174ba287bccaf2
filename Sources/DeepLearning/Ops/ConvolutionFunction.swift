import NumericCore

/// Geometry of a 2-D sliding window over `[N, C, H, W]` images.
struct WindowGeometry {
    let batch, channels, height, width: Int
    let kernel, stride, padding: Int
    var outputHeight: Int { (height + 2 * padding - kernel) / stride + 1 }
    var outputWidth: Int { (width + 2 * padding - kernel) / stride + 1 }
    var outputPlane: Int { outputHeight * outputWidth }
    /// Stride 1 and no padding: every window row reads a contiguous run of the input row.
    var isDense: Bool { stride == 1 && padding == 0 }

    init(_ shape: [Int], kernel: Int, stride: Int, padding: Int, layer: String) {
        batch = shape[0]; channels = shape[1]; height = shape[2]; width = shape[3]
        self.kernel = kernel; self.stride = stride; self.padding = padding
        guard height + 2 * padding >= kernel, width + 2 * padding >= kernel else {
            shapeFailure(ShapeMessages.windowTooLarge(layer, window: kernel, height: height, width: width, padding: padding))
        }
    }
}

/// 2-D convolution (cross-correlation, as in PyTorch) of `[N, C, H, W]` input with a
/// `[O, C, k, k]` weight and optional `[O]` bias, through im2col and `BLAS.gemm`.
///
/// Samples are processed one (or, for small outputs, a few) at a time on each core: a sample's
/// patch matrix is unfolded into a small scratch matrix and multiplied by the weight straight
/// into the sample's `[O, L]` output. The backward pass walks the samples again (see
/// `ConvolutionBackward`), unfolding each sample's patches anew rather than keeping the whole
/// batch's: unfolding in cache is cheaper than writing and re-reading them through memory.
///
///     let y = conv2d(images, weight: w, bias: b, stride: 1, padding: 1)
public func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0) -> Tensor {
    conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding, algorithm: .automatic)
}

/// How `conv2d` computes: `.automatic` picks Winograd where `WinogradConvolution.applies`, else
/// im2col; tests name one to compare the two.
enum ConvolutionAlgorithm { case automatic, im2col, winograd }

func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: Int, padding: Int, algorithm: ConvolutionAlgorithm) -> Tensor {
    let outChannels = weight.shape[0], kernel = weight.shape[2]
    guard input.rank == 4, input.shape[1] == weight.shape[1] else {
        shapeFailure(ShapeMessages.conv2D(inChannels: weight.shape[1], outChannels: outChannels, kernel: kernel, got: input.shape))
    }
    let geometry = WindowGeometry(input.shape, kernel: kernel, stride: stride, padding: padding, layer: "Conv2D")
    switch algorithm {
    case .winograd where kernel == 3 && stride == 1:
        return winogradConv2d(input, weight: weight, bias: bias, geometry)
    case .automatic where WinogradConvolution.applies(geometry, outChannels: outChannels):
        return winogradConv2d(input, weight: weight, bias: bias, geometry)
    default:
        break
    }
    let n = geometry.batch, plane = geometry.outputPlane
    let rows = geometry.channels * kernel * kernel
    let inputSize = geometry.channels * geometry.height * geometry.width, outputSize = outChannels * plane
    // Samples per product: one, unless the output plane is too small to make a product worth a call.
    let group = Swift.max(1, 128 / plane), groups = (n + group - 1) / group
    let work = n * rows * plane

    let result = Tensor.uninitialized([n, outChannels, geometry.outputHeight, geometry.outputWidth])
    let biasPointer = bias?.pointer
    Gemm.singleThreadedBLAS {
        Parallel.forChunksIfLarge(groups, work: work) { range in
            let patches = Tensor.uninitialized([rows, group * plane])
            let product = group > 1 ? Tensor.uninitialized([outChannels, group * plane]) : nil
            for index in range {
                let first = index * group, count = Swift.min(group, n - first)
                let matrix = patches.pointer, patchStride = group * plane
                for s in 0..<count {
                    Im2Col.unfold(input.pointer + (first + s) * inputSize, into: matrix + s * plane, rowStride: patchStride, geometry)
                }
                let output = result.pointer + first * outputSize
                if let product {
                    // [O, K] · [K, count·L] → [O, count·L], then each sample's rows plus the bias.
                    Gemm.serial(m: outChannels, n: count * plane, k: rows, a: weight.pointer, lda: rows,
                                b: matrix, ldb: patchStride, c: product.pointer, ldc: group * plane)
                    for s in 0..<count {
                        for o in 0..<outChannels {
                            let source = product.pointer + o * group * plane + s * plane
                            let destination = output + s * outputSize + o * plane
                            let b = biasPointer?[o] ?? 0
                            for i in 0..<plane { destination[i] = source[i] + b }
                        }
                    }
                } else {
                    // [O, K] · [K, L] straight into the sample's output, on top of the bias.
                    if let biasPointer {
                        for o in 0..<outChannels { (output + o * plane).update(repeating: biasPointer[o], count: plane) }
                    }
                    Gemm.serial(m: outChannels, n: plane, k: rows, a: weight.pointer, lda: rows, b: matrix, ldb: patchStride,
                                beta: biasPointer == nil ? 0 : 1, c: output, ldc: plane)
                }
            }
        }
    }
    let parents = bias.map { [input, weight, $0] } ?? [input, weight]
    return Tensor.record(result, "conv2d", parents) { g in
        let needsBias = bias?.requiresGrad ?? false, needsWeight = weight.requiresGrad
        let passes = ConvolutionBackward(outChannels: outChannels, rows: rows, plane: plane, group: group, geometry: geometry,
                                         gradient: g.pointer, weight: weight.pointer, input: input.pointer,
                                         wantsWeight: needsWeight, wantsBias: needsBias)
        var partials: [ConvolutionBackward.Partial] = []
        if input.requiresGrad {
            input.accumulateGrad { dst, accumulate in partials = passes.run(groups: groups, work: work, inputGradient: dst, accumulate: accumulate) }
        } else {
            partials = passes.run(groups: groups, work: work, inputGradient: nil, accumulate: false)
        }
        if needsBias {
            bias?.accumulateGrad { dst, accumulate in ConvolutionBackward.add(partials.map(\.bias), into: dst, accumulate: accumulate) }
        }
        if needsWeight {
            weight.accumulateGrad { dst, accumulate in ConvolutionBackward.add(partials.map(\.weight), into: dst, accumulate: accumulate) }
        }
    }
}

/// The backward pass of `conv2d` in one walk over the samples, split between the cores: for
/// each sample (or small group of samples) the output gradient is read once, while in cache,
/// for the bias gradient (its channel totals), the weight gradient (a product with the sample's
/// patches, unfolded again into scratch, added to the core's partial sum) and the input gradient
/// (the patches' gradient, folded straight back). The chunks' partial sums are added in chunk
/// order at the end, so the gradients do not depend on the number of cores.
///
///     let partials = passes.run(groups: 64, work: work, inputGradient: dst, accumulate: false)
struct ConvolutionBackward {
    let outChannels: Int, rows: Int, plane: Int, group: Int
    let geometry: WindowGeometry
    let gradient: UnsafePointer<Float>, weight: UnsafePointer<Float>, input: UnsafePointer<Float>
    let wantsWeight: Bool, wantsBias: Bool

    /// One chunk's share of the weight and bias gradients.
    struct Partial { var weight: [Float]; var bias: [Float] }

    /// The most chunks of samples the backward pass is cut into, each with its own partial sums.
    static let maxChunks = 8

    /// Walks the `groups` groups of samples in chunks set by the batch alone (up to `maxChunks`
    /// when the work is large enough to split), the chunks spread over the cores; returns each
    /// chunk's partial sums, in chunk order.
    func run(groups: Int, work: Int, inputGradient: UnsafeMutablePointer<Float>?, accumulate: Bool) -> [Partial] {
        let chunks = work >= Elementwise.parallelThreshold ? Self.maxChunks : 1
        return Gemm.singleThreadedBLAS {
            Parallel.mapChunks(0..<groups, maxChunks: chunks) { range in
                walk(range, inputGradient: inputGradient, accumulate: accumulate)
            }
        }
    }

    private func walk(_ range: Range<Int>, inputGradient: UnsafeMutablePointer<Float>?, accumulate: Bool) -> Partial {
        let n = geometry.batch, outputSize = outChannels * plane
        let inputSize = geometry.channels * geometry.height * geometry.width
        var partial = Partial(weight: [Float](repeating: 0, count: wantsWeight ? outChannels * rows : 0),
                              bias: [Float](repeating: 0, count: wantsBias ? outChannels : 0))
        let gathered = group > 1 ? Tensor.uninitialized([outChannels, group * plane]) : nil
        let patchGradient = inputGradient == nil ? nil : Tensor.uninitialized([rows, group * plane])
        let patches = wantsWeight ? Tensor.uninitialized([rows, group * plane]) : nil
        for index in range {
            let first = index * group, count = Swift.min(group, n - first), width = count * plane
            // The group's output gradient as an [O, count·L] matrix: the sample's own block, or
            // the samples' blocks side by side.
            var matrix = gradient + first * outputSize, stride = plane
            if let gathered {
                for s in 0..<count {
                    for o in 0..<outChannels {
                        (gathered.pointer + o * group * plane + s * plane).update(from: matrix + s * outputSize + o * plane, count: plane)
                    }
                }
                matrix = UnsafePointer(gathered.pointer); stride = group * plane
            }
            if wantsBias {
                for o in 0..<outChannels { partial.bias[o] += RunTotal.of(matrix + o * stride, count: width) }
            }
            if let patches {
                for s in 0..<count {
                    Im2Col.unfold(input + (first + s) * inputSize, into: patches.pointer + s * plane, rowStride: group * plane, geometry)
                }
                partial.weight.withUnsafeMutableBufferPointer { w in
                    Gemm.serial(transB: .transposed, m: outChannels, n: rows, k: width, a: matrix, lda: stride,
                                b: patches.pointer, ldb: group * plane, beta: 1, c: w.baseAddress!, ldc: rows)
                }
            }
            if let inputGradient, let patchGradient {
                // Wᵀ [K, O] · g [O, count·L] → the patches' gradient, folded back at once.
                Gemm.serial(transA: .transposed, m: rows, n: width, k: outChannels, a: weight, lda: rows,
                            b: matrix, ldb: stride, c: patchGradient.pointer, ldc: group * plane)
                for s in 0..<count {
                    Im2Col.fold(patchGradient.pointer + s * plane, rowStride: group * plane,
                                into: inputGradient + (first + s) * inputSize, accumulate: accumulate, geometry)
                }
            }
        }
        return partial
    }

    /// Adds the chunks' partial sums, in chunk order, into (or over) `destination`.
    static func add(_ partials: [[Float]], into destination: UnsafeMutablePointer<Float>, accumulate: Bool) {
        guard let count = partials.first?.count else { return }
        for i in 0..<count {
            var total = partials[0][i]
            for part in partials.dropFirst() { total += part[i] }
            destination[i] = (accumulate ? destination[i] : 0) + total
        }
    }
}

/// `conv2d` through `WinogradConvolution`, forward and backward.
private func winogradConv2d(_ input: Tensor, weight: Tensor, bias: Tensor?, _ geometry: WindowGeometry) -> Tensor {
    let plan = WinogradConvolution(geometry, outChannels: weight.shape[0])
    let result = Tensor.uninitialized([geometry.batch, plan.outChannels, geometry.outputHeight, geometry.outputWidth])
    plan.forward(input: input.pointer, weight: weight.pointer, bias: bias?.pointer, output: result.pointer)
    let parents = bias.map { [input, weight, $0] } ?? [input, weight]
    return Tensor.record(result, "conv2d", parents) { g in
        let wantsBias = bias?.requiresGrad ?? false, wantsWeight = weight.requiresGrad
        func pass(_ inputGradient: UnsafeMutablePointer<Float>?, _ accumulate: Bool) -> [WinogradConvolution.Partial] {
            plan.backward(gradient: g.pointer, input: input.pointer, weight: weight.pointer, inputGradient: inputGradient,
                          accumulate: accumulate, wantsWeight: wantsWeight, wantsBias: wantsBias)
        }
        var partials: [WinogradConvolution.Partial] = []
        if input.requiresGrad {
            input.accumulateGrad { dst, accumulate in partials = pass(dst, accumulate) }
        } else {
            partials = pass(nil, false)
        }
        if wantsBias {
            bias?.accumulateGrad { dst, accumulate in ConvolutionBackward.add(partials.map(\.bias), into: dst, accumulate: accumulate) }
        }
        if wantsWeight {
            weight.accumulateGrad { dst, accumulate in plan.weightGradient(partials, into: dst, accumulate: accumulate) }
        }
    }
}
