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
/// `[O, C, k, k]` weight and optional `[O]` bias, as one im2col matrix for the whole batch
/// multiplied by the weight through `BLAS.gemm`.
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
    let columnsMatrix = Tensor.uninitialized([rows, columns])
    Im2Col.unfold(input.pointer, into: columnsMatrix.pointer, geometry)

    // [O, K] · [K, N·L] → [O, N·L], then reorder to [N, O, L] and add the bias.
    let product = Tensor.uninitialized([outChannels, columns])
    Gemm.run(m: outChannels, n: columns, k: rows, a: weight.pointer, lda: rows,
              b: columnsMatrix.pointer, ldb: columns, c: product.pointer, ldc: columns)
    let result = Tensor.uninitialized([n, outChannels, geometry.outputHeight, geometry.outputWidth])
    let biasPointer = bias?.pointer
    Parallel.forChunksIfLarge(n, work: result.count) { range in
        for sample in range {
            for o in 0..<outChannels {
                let src = product.pointer + o * columns + sample * plane
                let dst = result.pointer + (sample * outChannels + o) * plane
                let b = biasPointer?[o] ?? 0
                for i in 0..<plane { dst[i] = src[i] + b }
            }
        }
    }
    let parents = bias.map { [input, weight, $0] } ?? [input, weight]
    return Tensor.record(result, "conv2d", parents) { g in
        // g [N, O, L] → [O, N·L]
        let gradient = Tensor.uninitialized([outChannels, columns])
        Parallel.forChunksIfLarge(n, work: g.count) { range in
            for sample in range {
                for o in 0..<outChannels {
                    (gradient.pointer + o * columns + sample * plane)
                        .update(from: g.pointer + (sample * outChannels + o) * plane, count: plane)
                }
            }
        }
        bias?.accumulateGrad { dst, accumulate in
            // One running total per channel (channels split across cores): a long chain of
            // dependent adds, kept in order so that results match the unsplit loop.
            Parallel.forChunksIfLarge(outChannels, work: outChannels * columns) { range in
                for o in range {
                    var total: Float = 0
                    let row = gradient.pointer + o * columns
                    for i in 0..<columns { total += row[i] }
                    dst[o] = (accumulate ? dst[o] : 0) + total
                }
            }
        }
        weight.accumulateGrad { dst, accumulate in
            Gemm.run(transB: .transposed, m: outChannels, n: rows, k: columns, a: gradient.pointer, lda: columns,
                      b: columnsMatrix.pointer, ldb: columns, beta: accumulate ? 1 : 0, c: dst, ldc: rows)
        }
        if input.requiresGrad {
            let columnGradient = Tensor.uninitialized([rows, columns])
            Gemm.run(transA: .transposed, m: rows, n: columns, k: outChannels, a: weight.pointer, lda: rows,
                      b: gradient.pointer, ldb: columns, c: columnGradient.pointer, ldc: columns)
            input.accumulateGrad { dst, accumulate in
                Im2Col.fold(columnGradient.pointer, into: dst, accumulate: accumulate, geometry)
            }
        }
    }
}

/// Unfolding image patches into matrix columns (im2col) and folding them back (col2im).
enum Im2Col {
    /// Writes `[C·k·k, N·L]`: column `n·L + position` holds the patch under output `position` of sample `n`.
    static func unfold(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, _ g: WindowGeometry) {
        let k = g.kernel, plane = g.outputPlane, totalColumns = g.batch * plane
        Parallel.forChunksIfLarge(g.batch, work: g.batch * g.channels * k * k * plane) { range in
            for sample in range {
                for c in 0..<g.channels {
                    let source = image + (sample * g.channels + c) * g.height * g.width
                    for ki in 0..<k {
                        for kj in 0..<k {
                            let row = (c * k + ki) * k + kj
                            let destination = columns + row * totalColumns + sample * plane
                            for oh in 0..<g.outputHeight {
                                let ih = oh * g.stride - g.padding + ki
                                let line = destination + oh * g.outputWidth
                                if ih < 0 || ih >= g.height {
                                    line.update(repeating: 0, count: g.outputWidth)
                                    continue
                                }
                                let sourceLine = source + ih * g.width
                                if g.isDense {
                                    // Stride 1, no padding: the patch row is a contiguous run.
                                    ShortRuns.copy(sourceLine + kj, to: line, count: g.outputWidth)
                                    continue
                                }
                                for ow in 0..<g.outputWidth {
                                    let iw = ow * g.stride - g.padding + kj
                                    line[ow] = iw >= 0 && iw < g.width ? sourceLine[iw] : 0
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds every column entry back onto the image position it was read from.
    static func fold(_ columns: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>, accumulate: Bool, _ g: WindowGeometry) {
        let k = g.kernel, plane = g.outputPlane, totalColumns = g.batch * plane
        let imagePlane = g.height * g.width
        Parallel.forChunksIfLarge(g.batch, work: g.batch * g.channels * k * k * plane) { range in
            for sample in range {
                if !accumulate { (image + sample * g.channels * imagePlane).update(repeating: 0, count: g.channels * imagePlane) }
                for c in 0..<g.channels {
                    let destination = image + (sample * g.channels + c) * imagePlane
                    for ki in 0..<k {
                        for kj in 0..<k {
                            let row = (c * k + ki) * k + kj
                            let source = columns + row * totalColumns + sample * plane
                            for oh in 0..<g.outputHeight {
                                let ih = oh * g.stride - g.padding + ki
                                if ih < 0 || ih >= g.height { continue }
                                let line = source + oh * g.outputWidth
                                let destinationLine = destination + ih * g.width
                                if g.isDense {
                                    ShortRuns.add(line, into: destinationLine + kj, count: g.outputWidth)
                                    continue
                                }
                                for ow in 0..<g.outputWidth {
                                    let iw = ow * g.stride - g.padding + kj
                                    if iw >= 0 && iw < g.width { destinationLine[iw] += line[ow] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
