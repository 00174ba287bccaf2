/// Unfolding one image's patches into matrix columns (im2col) and folding them back (col2im).
///
/// The patch matrix of a `[C, H, W]` image has `C·k·k` rows, one per kernel tap, and one
/// column per output position; `rowStride` is the distance between its rows, so that several
/// images can share one matrix side by side (the batch's columns) or one image can use a
/// small scratch buffer of its own.
///
///     Im2Col.unfold(image, into: columns, rowStride: plane, geometry)
///     Im2Col.fold(columns, rowStride: plane, into: imageGradient, accumulate: false, geometry)
enum Im2Col {
    /// Writes row `(c·k + ki)·k + kj`, position `oh·OW + ow`: the input under that tap of that window.
    static func unfold(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, rowStride: Int, _ g: WindowGeometry) {
        let k = g.kernel
        for c in 0..<g.channels {
            let source = image + c * g.height * g.width
            for ki in 0..<k {
                for kj in 0..<k {
                    let destination = columns + ((c * k + ki) * k + kj) * rowStride
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

    /// Adds every entry of the patch matrix back onto the image position it was read from
    /// (after zeroing the image unless `accumulate`).
    static func fold(_ columns: UnsafePointer<Float>, rowStride: Int, into image: UnsafeMutablePointer<Float>,
                     accumulate: Bool, _ g: WindowGeometry) {
        let k = g.kernel, imagePlane = g.height * g.width
        if !accumulate { image.update(repeating: 0, count: g.channels * imagePlane) }
        for c in 0..<g.channels {
            let destination = image + c * imagePlane
            for ki in 0..<k {
                for kj in 0..<k {
                    let source = columns + ((c * k + ki) * k + kj) * rowStride
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
