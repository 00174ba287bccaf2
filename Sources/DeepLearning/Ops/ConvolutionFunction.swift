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
/// patch matrix is unfolded, multiplied by the weight straight into the sample's `[O, L]`
/// output, and, in the backward pass, the patch gradient is folded back while it is still in
/// cache. Only the weight gradient needs the whole batch's patches, so they are kept only when
/// the weight wants a gradient.
///
///     let y = conv2d(images, weight: w, bias: b, stride: 1, padding: 1)
public func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0) -> Tensor {
    let outChannels = weight.shape[0], kernel = weight.shape[2]
    guard input.rank == 4, input.shape[1] == weight.shape[1] else {
        shapeFailure(ShapeMessages.conv2D(inChannels: weight.shape[1], outChannels: outChannels, kernel: kernel, got: input.shape))
    }
    let geometry = WindowGeometry(input.shape, kernel: kernel, stride: stride, padding: padding, layer: "Conv2D")
    let n = geometry.batch, plane = geometry.outputPlane
    let rows = geometry.channels * kernel * kernel, columns = n * plane
    let inputSize = geometry.channels * geometry.height * geometry.width, outputSize = outChannels * plane
    // Samples per product: one, unless the output plane is too small to make a product worth a call.
    let group = Swift.max(1, 128 / plane), groups = (n + group - 1) / group
    let work = n * rows * plane

    // The whole batch's patches, `[C·k·k, N·L]`, for the weight gradient; otherwise each core
    // unfolds into a scratch matrix of its own.
    let patches: Tensor? = GradientMode.isEnabled && weight.requiresGrad ? Tensor.uninitialized([rows, columns]) : nil
    let result = Tensor.uninitialized([n, outChannels, geometry.outputHeight, geometry.outputWidth])
    let biasPointer = bias?.pointer
    Gemm.singleThreadedBLAS {
        Parallel.forChunksIfLarge(groups, work: work) { range in
            let scratch = patches == nil ? Tensor.uninitialized([rows, group * plane]) : nil
            let product = group > 1 ? Tensor.uninitialized([outChannels, group * plane]) : nil
            for index in range {
                let first = index * group, count = Swift.min(group, n - first)
                let matrix = patches.map { $0.pointer + first * plane } ?? scratch!.pointer
                let stride = patches == nil ? group * plane : columns
                for s in 0..<count {
                    Im2Col.unfold(input.pointer + (first + s) * inputSize, into: matrix + s * plane, rowStride: stride, geometry)
                }
                let output = result.pointer + first * outputSize
                if let product {
                    // [O, K] · [K, count·L] → [O, count·L], then each sample's rows plus the bias.
                    Gemm.serial(m: outChannels, n: count * plane, k: rows, a: weight.pointer, lda: rows,
                                b: matrix, ldb: stride, c: product.pointer, ldc: group * plane)
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
                    Gemm.serial(m: outChannels, n: plane, k: rows, a: weight.pointer, lda: rows, b: matrix, ldb: stride,
                                beta: biasPointer == nil ? 0 : 1, c: output, ldc: plane)
                }
            }
        }
    }
    let parents = bias.map { [input, weight, $0] } ?? [input, weight]
    return Tensor.record(result, "conv2d", parents) { g in
        let needsBias = bias?.requiresGrad ?? false, needsWeight = weight.requiresGrad && patches != nil
        // g as the [O, N·L] matrix of the weight's product (and of grouped input products),
        // with every channel's total (the bias gradient) taken in the same pass.
        let matrix = needsWeight || (input.requiresGrad && group > 1) ? Tensor.uninitialized([outChannels, columns]) : nil
        var totals = [Float](repeating: 0, count: needsBias ? outChannels : 0)
        totals.withUnsafeMutableBufferPointer { totals in
            ChannelGradients.gather(g.pointer, batch: n, channels: outChannels, plane: plane,
                                    into: matrix?.pointer, totals: needsBias ? totals.baseAddress : nil)
        }
        bias?.accumulateGrad { dst, accumulate in
            for o in 0..<outChannels { dst[o] = (accumulate ? dst[o] : 0) + totals[o] }
        }
        if needsWeight, let matrix, let patches {
            weight.accumulateGrad { dst, accumulate in
                Gemm.run(transB: .transposed, m: outChannels, n: rows, k: columns, a: matrix.pointer, lda: columns,
                         b: patches.pointer, ldb: columns, beta: accumulate ? 1 : 0, c: dst, ldc: rows)
            }
        }
        guard input.requiresGrad else { return }
        input.accumulateGrad { dst, accumulate in
            Gemm.singleThreadedBLAS {
                Parallel.forChunksIfLarge(groups, work: work) { range in
                    let patchGradient = Tensor.uninitialized([rows, group * plane])
                    for index in range {
                        let first = index * group, count = Swift.min(group, n - first)
                        // Wᵀ [K, O] · g [O, count·L] → the patches' gradient, folded back at once.
                        let (b, ldb) = group == 1 ? (g.pointer + first * outputSize, plane) : (matrix!.pointer + first * plane, columns)
                        Gemm.serial(transA: .transposed, m: rows, n: count * plane, k: outChannels, a: weight.pointer, lda: rows,
                                    b: b, ldb: ldb, c: patchGradient.pointer, ldc: group * plane)
                        for s in 0..<count {
                            Im2Col.fold(patchGradient.pointer + s * plane, rowStride: group * plane,
                                        into: dst + (first + s) * inputSize, accumulate: accumulate, geometry)
                        }
                    }
                }
            }
        }
    }
}

/// The gradient of a convolution's output, `[N, O, L]`, rearranged as the `[O, N·L]` matrix
/// the weight gradient's product reads, together with each channel's total (the bias
/// gradient). Channels go in blocks of four, so four running totals advance side by side;
/// each still adds its channel's values in order (sample by sample, position by position).
///
///     ChannelGradients.gather(g, batch: 64, channels: 32, plane: 676, into: matrix, totals: biasGradient)
enum ChannelGradients {
    static func gather(_ g: UnsafePointer<Float>, batch n: Int, channels: Int, plane: Int,
                       into matrix: UnsafeMutablePointer<Float>?, totals: UnsafeMutablePointer<Float>?) {
        guard matrix != nil || totals != nil else { return }
        let columns = n * plane
        Parallel.forChunksIfLarge((channels + 3) / 4, work: n * channels * plane) { blocks in
            for block in blocks {
                let first = block * 4, width = Swift.min(4, channels - first)
                var t0: Float = 0, t1: Float = 0, t2: Float = 0, t3: Float = 0
                for sample in 0..<n {
                    let rows = g + (sample * channels + first) * plane
                    if let matrix {
                        for j in 0..<width {
                            ShortRuns.copy(rows + j * plane, to: matrix + (first + j) * columns + sample * plane, count: plane)
                        }
                    }
                    guard totals != nil else { continue }
                    if width == 4 {
                        let r0 = rows, r1 = rows + plane, r2 = rows + 2 * plane, r3 = rows + 3 * plane
                        for i in 0..<plane { t0 += r0[i]; t1 += r1[i]; t2 += r2[i]; t3 += r3[i] }
                    } else {
                        for i in 0..<plane { t0 += rows[i] }
                        if width > 1 { for i in 0..<plane { t1 += rows[plane + i] } }
                        if width > 2 { for i in 0..<plane { t2 += rows[2 * plane + i] } }
                    }
                }
                if let totals {
                    let sums = [t0, t1, t2, t3]
                    for j in 0..<width { totals[first + j] = sums[j] }
                }
            }
        }
    }
}
