import NumericCore

/// A 3×3, stride-1 convolution by Winograd's F(2×2, 3×3) (`WinogradTransforms`): every 2×2
/// block of outputs comes from a 4×4 tile of the input, and the sums over channels become 16
/// products, one per position ξ of a transformed tile: `M[ξ] = U[ξ] · V[ξ]`, `[O, C] · [C, P]`
/// for `P` tiles. That is 16 multiply-adds per tile and channel pair where im2col spends 36,
/// at the price of the transforms, which cost per tile and channel, not per pair.
///
/// The batch is walked in blocks of whole images, small enough that a block's transformed
/// tiles and products stay in cache; the blocks are spread over the cores. Block sizes and the
/// backward pass's chunks (with their partial weight gradients, added in chunk order) are set by
/// the shapes alone, so the results are the same bits for every thread count.
///
///     let plan = WinogradConvolution(geometry, outChannels: 64)
///     plan.forward(input: x, weight: w, bias: b, output: y)
struct WinogradConvolution {
    let geometry: WindowGeometry
    let outChannels: Int
    /// Tiles down and across one image: each covers 2×2 outputs (the last may hang over the edge).
    let tileRows: Int, tileColumns: Int
    let imagesPerBlock: Int

    /// Positions of a transformed tile.
    static let positions = 16
    /// A block holds about this many tiles, so that its transformed input and its products fit in
    /// a core's L2 cache at the channel counts this path is chosen for.
    static let tilesPerBlock = 144

    /// Whether Winograd pays for a convolution: a 3×3 kernel, stride 1, and enough channels on
    /// both sides that the products, not the transforms, dominate.
    static func applies(_ g: WindowGeometry, outChannels: Int) -> Bool {
        g.kernel == 3 && g.stride == 1 && g.channels >= 16 && outChannels >= 16
    }

    init(_ geometry: WindowGeometry, outChannels: Int) {
        self.geometry = geometry
        self.outChannels = outChannels
        tileRows = (geometry.outputHeight + 1) / 2
        tileColumns = (geometry.outputWidth + 1) / 2
        imagesPerBlock = Swift.max(1, Self.tilesPerBlock / (tileRows * tileColumns))
    }

    var tilesPerImage: Int { tileRows * tileColumns }
    /// The distance between the 16 planes of a block's transformed tiles or products with `rows`
    /// rows: a cache line more than the plane, so that the 16 values of one tile, read or written
    /// together, do not all fall into the same cache sets.
    func planeStride(_ rows: Int) -> Int { rows * blockTiles + 16 }
    var blockTiles: Int { imagesPerBlock * tilesPerImage }
    var blocks: Int { (geometry.batch + imagesPerBlock - 1) / imagesPerBlock }
    /// The size of the patches im2col would unfold: decides whether to use the cores, as in `conv2d`.
    var work: Int { geometry.batch * geometry.channels * 9 * geometry.outputPlane }

    private var inputSize: Int { geometry.channels * geometry.height * geometry.width }
    private var outputSize: Int { outChannels * geometry.outputPlane }

    /// The images of block `index`.
    private func images(ofBlock index: Int) -> Range<Int> {
        let first = index * imagesPerBlock
        return first ..< Swift.min(first + imagesPerBlock, geometry.batch)
    }

    // MARK: Forward

    /// `U`, `[16, O, C]`: every kernel's transform.
    func transformedWeight(_ weight: UnsafePointer<Float>) -> Tensor {
        let channels = geometry.channels, pairs = outChannels * channels
        let u = Tensor.uninitialized([Self.positions, outChannels, channels])
        for pair in 0..<pairs {
            WinogradTransforms.kernel(weight + pair * 9, into: u.pointer + pair, stride: pairs)
        }
        return u
    }

    /// Writes the convolution of `input` (`[N, C, H, W]`) into `output` (`[N, O, OH, OW]`).
    func forward(input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 output: UnsafeMutablePointer<Float>) {
        let u = transformedWeight(weight)
        let channels = geometry.channels, tiles = blockTiles
        Gemm.singleThreadedBLAS {
            Parallel.forChunksIfLarge(blocks, work: work) { range in
                let v = Tensor.uninitialized([Self.positions, planeStride(channels)])
                let m = Tensor.uninitialized([Self.positions, planeStride(outChannels)])
                for index in range {
                    let images = images(ofBlock: index), count = images.count * tilesPerImage
                    transformInput(input, images: images, into: v.pointer)
                    for xi in 0..<Self.positions {
                        Gemm.serial(m: outChannels, n: count, k: channels, a: u.pointer + xi * outChannels * channels, lda: channels,
                                    b: v.pointer + xi * planeStride(channels), ldb: tiles,
                                    c: m.pointer + xi * planeStride(outChannels), ldc: tiles)
                    }
                    transformOutput(m.pointer, images: images, bias: bias, into: output)
                }
            }
        }
    }

    /// `V`, `[16, C, blockTiles]`: the transforms of the tiles of `images`, in image, tile-row,
    /// tile-column order; positions outside the input (its padding, or past its edge) read 0.
    private func transformInput(_ input: UnsafePointer<Float>, images: Range<Int>, into v: UnsafeMutablePointer<Float>) {
        let g = geometry, plane = planeStride(g.channels)
        for (s, image) in images.enumerated() {
            for c in 0..<g.channels {
                let source = input + image * inputSize + c * g.height * g.width
                var tile = v + c * blockTiles + s * tilesPerImage
                for ti in 0..<tileRows {
                    let top = 2 * ti - g.padding
                    for tj in 0..<tileColumns {
                        let left = 2 * tj - g.padding
                        WinogradTransforms.input(row(source, top, left), row(source, top + 1, left),
                                                 row(source, top + 2, left), row(source, top + 3, left),
                                                 into: tile, stride: plane)
                        tile += 1
                    }
                }
            }
        }
    }

    /// Four input values from row `r`, columns `left…left+3`, reading 0 outside the image.
    @inline(__always)
    private func row(_ plane: UnsafePointer<Float>, _ r: Int, _ left: Int) -> SIMD4<Float> {
        let g = geometry
        guard r >= 0, r < g.height else { return .zero }
        let line = plane + r * g.width
        if left >= 0 && left + 4 <= g.width {
            return SIMD4(line[left], line[left + 1], line[left + 2], line[left + 3])
        }
        var values = SIMD4<Float>.zero
        for q in 0..<4 where left + q >= 0 && left + q < g.width { values[q] = line[left + q] }
        return values
    }

    /// The outputs of `images` from their products `M`, plus the bias.
    private func transformOutput(_ m: UnsafePointer<Float>, images: Range<Int>, bias: UnsafePointer<Float>?,
                                 into output: UnsafeMutablePointer<Float>) {
        let g = geometry, plane = planeStride(outChannels)
        let oh = g.outputHeight, ow = g.outputWidth
        for (s, image) in images.enumerated() {
            for o in 0..<outChannels {
                let destination = output + image * outputSize + o * g.outputPlane
                let b = bias?[o] ?? 0
                var tile = m + o * blockTiles + s * tilesPerImage
                for ti in 0..<tileRows {
                    let top = destination + 2 * ti * ow, hasBottom = 2 * ti + 1 < oh
                    for tj in 0..<tileColumns {
                        let (upper, lower) = WinogradTransforms.output(tile, stride: plane)
                        tile += 1
                        let column = 2 * tj
                        top[column] = upper[0] + b
                        if hasBottom { top[ow + column] = lower[0] + b }
                        if column + 1 < ow {
                            top[column + 1] = upper[1] + b
                            if hasBottom { top[ow + column + 1] = lower[1] + b }
                        }
                    }
                }
            }
        }
    }

    // MARK: Backward

    /// One chunk's share of the weight gradient (still transformed, `[16, O, C]`) and the bias gradient.
    struct Partial { var transformedWeight: [Float]; var bias: [Float] }

    /// The backward pass for the output gradient `gradient`: the input gradient written (or, with
    /// `accumulate`, added) into `inputGradient` when given, and the chunks' partial weight and bias
    /// gradients, in chunk order, for `weightGradient(_:into:accumulate:)` and `ConvolutionBackward.add`.
    func backward(gradient: UnsafePointer<Float>, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, accumulate: Bool,
                  wantsWeight: Bool, wantsBias: Bool) -> [Partial] {
        let u = inputGradient == nil ? nil : transformedWeight(weight)
        let channels = geometry.channels, tiles = blockTiles, pairs = outChannels * channels
        let chunks = work >= Elementwise.parallelThreshold ? ConvolutionBackward.maxChunks : 1
        return Gemm.singleThreadedBLAS {
            Parallel.mapChunks(0..<blocks, maxChunks: chunks) { range in
                var partial = Partial(transformedWeight: [Float](repeating: 0, count: wantsWeight ? Self.positions * pairs : 0),
                                      bias: [Float](repeating: 0, count: wantsBias ? outChannels : 0))
                let dm = Tensor.uninitialized([Self.positions, planeStride(outChannels)])
                let v = wantsWeight ? Tensor.uninitialized([Self.positions, planeStride(channels)]) : nil
                let dv = inputGradient == nil ? nil : Tensor.uninitialized([Self.positions, planeStride(channels)])
                for index in range {
                    let images = images(ofBlock: index), count = images.count * tilesPerImage
                    if wantsBias { addBiasGradient(gradient, images: images, into: &partial.bias) }
                    transformOutputGradient(gradient, images: images, into: dm.pointer)
                    if let v {
                        transformInput(input, images: images, into: v.pointer)
                        partial.transformedWeight.withUnsafeMutableBufferPointer { du in
                            for xi in 0..<Self.positions {
                                // dU[ξ] += dM[ξ] · V[ξ]ᵀ: [O, P] · [P, C].
                                Gemm.serial(transB: .transposed, m: outChannels, n: channels, k: count,
                                            a: dm.pointer + xi * planeStride(outChannels), lda: tiles,
                                            b: v.pointer + xi * planeStride(channels), ldb: tiles,
                                            beta: 1, c: du.baseAddress! + xi * pairs, ldc: channels)
                            }
                        }
                    }
                    if let inputGradient, let dv, let u {
                        for xi in 0..<Self.positions {
                            // dV[ξ] = U[ξ]ᵀ · dM[ξ]: [C, O] · [O, P].
                            Gemm.serial(transA: .transposed, m: channels, n: count, k: outChannels,
                                        a: u.pointer + xi * pairs, lda: channels,
                                        b: dm.pointer + xi * planeStride(outChannels), ldb: tiles,
                                        c: dv.pointer + xi * planeStride(channels), ldc: tiles)
                        }
                        foldInputGradient(dv.pointer, images: images, into: inputGradient, accumulate: accumulate)
                    }
                }
                return partial
            }
        }
    }

    /// The weight gradient `[O, C, 3, 3]` from the chunks' transformed partial sums (added in chunk order).
    func weightGradient(_ partials: [Partial], into destination: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let pairs = outChannels * geometry.channels
        let total = Tensor.uninitialized([Self.positions, pairs])
        ConvolutionBackward.add(partials.map(\.transformedWeight), into: total.pointer, accumulate: false)
        var kernel = [Float](repeating: 0, count: 9)
        for pair in 0..<pairs {
            kernel.withUnsafeMutableBufferPointer { k in
                WinogradTransforms.kernelAdjoint(total.pointer + pair, stride: pairs, into: k.baseAddress!)
            }
            let target = destination + pair * 9
            for t in 0..<9 { target[t] = (accumulate ? target[t] : 0) + kernel[t] }
        }
    }

    private func addBiasGradient(_ gradient: UnsafePointer<Float>, images: Range<Int>, into bias: inout [Float]) {
        for image in images {
            for o in 0..<outChannels {
                bias[o] += RunTotal.of(gradient + image * outputSize + o * geometry.outputPlane, count: geometry.outputPlane)
            }
        }
    }

    /// `dM`, `[16, O, blockTiles]`, from the output gradient of `images` (0 past the output's edge).
    private func transformOutputGradient(_ gradient: UnsafePointer<Float>, images: Range<Int>, into dm: UnsafeMutablePointer<Float>) {
        let g = geometry, plane = planeStride(outChannels)
        let oh = g.outputHeight, ow = g.outputWidth
        for (s, image) in images.enumerated() {
            for o in 0..<outChannels {
                let source = gradient + image * outputSize + o * g.outputPlane
                var tile = dm + o * blockTiles + s * tilesPerImage
                for ti in 0..<tileRows {
                    let top = source + 2 * ti * ow, hasBottom = 2 * ti + 1 < oh
                    for tj in 0..<tileColumns {
                        let column = 2 * tj, hasRight = column + 1 < ow
                        let upper = SIMD2(top[column], hasRight ? top[column + 1] : 0)
                        let lower = hasBottom ? SIMD2(top[ow + column], hasRight ? top[ow + column + 1] : 0) : .zero
                        WinogradTransforms.outputAdjoint(upper, lower, into: tile, stride: plane)
                        tile += 1
                    }
                }
            }
        }
    }

    /// Adds each tile's gradient, from `dV`, onto the input positions the tile was read from
    /// (after zeroing the images' gradients unless `accumulate`).
    private func foldInputGradient(_ dv: UnsafePointer<Float>, images: Range<Int>, into inputGradient: UnsafeMutablePointer<Float>,
                                   accumulate: Bool) {
        let g = geometry, plane = planeStride(g.channels)
        for (s, image) in images.enumerated() {
            let imageGradient = inputGradient + image * inputSize
            if !accumulate { imageGradient.update(repeating: 0, count: inputSize) }
            for c in 0..<g.channels {
                let destination = imageGradient + c * g.height * g.width
                var tile = dv + c * blockTiles + s * tilesPerImage
                for ti in 0..<tileRows {
                    let top = 2 * ti - g.padding
                    for tj in 0..<tileColumns {
                        let left = 2 * tj - g.padding
                        let rows = WinogradTransforms.inputAdjoint(tile, stride: plane)
                        tile += 1
                        add(rows.0, to: destination, top, left); add(rows.1, to: destination, top + 1, left)
                        add(rows.2, to: destination, top + 2, left); add(rows.3, to: destination, top + 3, left)
                    }
                }
            }
        }
    }

    /// Adds four values onto row `r`, columns `left…left+3`, skipping positions outside the image.
    @inline(__always)
    private func add(_ values: SIMD4<Float>, to plane: UnsafeMutablePointer<Float>, _ r: Int, _ left: Int) {
        let g = geometry
        guard r >= 0, r < g.height else { return }
        let line = plane + r * g.width
        if left >= 0 && left + 4 <= g.width {
            line[left] += values[0]; line[left + 1] += values[1]; line[left + 2] += values[2]; line[left + 3] += values[3]
            return
        }
        for q in 0..<4 where left + q >= 0 && left + q < g.width { line[left + q] += values[q] }
    }
}
