import NumericCore

/// Max and average pooling over `[N, C, H, W]` images.
///
///     let y = maxPool2d(x, kernel: 2)              // halves height and width
///     let z = avgPool2d(x, kernel: 3, stride: 1)
public func maxPool2d(_ input: Tensor, kernel: Int, stride: Int? = nil) -> Tensor {
    let g = poolingGeometry(input, kernel: kernel, stride: stride ?? kernel, layer: "MaxPool2D(\(kernel))")
    let planes = g.batch * g.channels, inPlane = g.height * g.width, outPlane = g.outputPlane
    let result = Tensor.uninitialized([g.batch, g.channels, g.outputHeight, g.outputWidth])
    // Each output's winning offset within its input plane, kept as a float (exact below 2²⁴)
    // so that it lives in pooled tensor storage instead of a fresh array on every call.
    let winners = Tensor.uninitialized(result.shape)
    let winnerBase = winners.pointer
    Parallel.forChunksIfLarge(planes, work: input.count) { range in
        for p in range {
            let source = input.pointer + p * inPlane
            let output = result.pointer + p * outPlane, winner = winnerBase + p * outPlane
            if kernel == 2 && g.stride == 2 {
                MaxPoolKernels.twoByTwo(source, width: g.width, output: output, winners: winner,
                                        outputHeight: g.outputHeight, outputWidth: g.outputWidth)
                continue
            }
            for oh in 0..<g.outputHeight {
                let top = oh * g.stride * g.width
                for ow in 0..<g.outputWidth {
                    var best = top + ow * g.stride
                    var bestValue = source[best]
                    for ki in 0..<kernel {
                        let rowStart = top + ki * g.width + ow * g.stride
                        for kj in 0..<kernel {
                            let value = source[rowStart + kj]
                            if value > bestValue { bestValue = value; best = rowStart + kj }
                        }
                    }
                    output[oh * g.outputWidth + ow] = bestValue
                    winner[oh * g.outputWidth + ow] = Float(best)
                }
            }
        }
    }
    return Tensor.record(result, "maxPool2d", [input]) { gradient in
        input.accumulateGrad { dst, accumulate in
            // Planes are independent: each chunk writes only its own input planes.
            Parallel.forChunksIfLarge(planes, work: input.count) { range in
                for p in range {
                    let d = dst + p * inPlane, s = gradient.pointer + p * outPlane, w = winners.pointer + p * outPlane
                    if !accumulate { d.update(repeating: 0, count: inPlane) }
                    for i in 0..<outPlane { d[Int(w[i])] += s[i] }
                }
            }
        }
    }
}

/// Average pooling: each output is the mean of its window.
public func avgPool2d(_ input: Tensor, kernel: Int, stride: Int? = nil) -> Tensor {
    let g = poolingGeometry(input, kernel: kernel, stride: stride ?? kernel, layer: "AvgPool2D(\(kernel))")
    let planes = g.batch * g.channels, inPlane = g.height * g.width, outPlane = g.outputPlane
    let scale = 1 / Float(kernel * kernel)
    let result = Tensor.uninitialized([g.batch, g.channels, g.outputHeight, g.outputWidth])
    for p in 0..<planes {
        let source = input.pointer + p * inPlane
        for oh in 0..<g.outputHeight {
            for ow in 0..<g.outputWidth {
                var total: Float = 0
                for ki in 0..<kernel {
                    let rowStart = (oh * g.stride + ki) * g.width + ow * g.stride
                    for kj in 0..<kernel { total += source[rowStart + kj] }
                }
                result.pointer[p * outPlane + oh * g.outputWidth + ow] = total * scale
            }
        }
    }
    return Tensor.record(result, "avgPool2d", [input]) { gradient in
        input.accumulateGrad { dst, accumulate in
            if !accumulate { dst.update(repeating: 0, count: input.count) }
            for p in 0..<planes {
                let d = dst + p * inPlane
                for oh in 0..<g.outputHeight {
                    for ow in 0..<g.outputWidth {
                        let share = gradient.pointer[p * outPlane + oh * g.outputWidth + ow] * scale
                        for ki in 0..<kernel {
                            let rowStart = (oh * g.stride + ki) * g.width + ow * g.stride
                            for kj in 0..<kernel { d[rowStart + kj] += share }
                        }
                    }
                }
            }
        }
    }
}

private func poolingGeometry(_ input: Tensor, kernel: Int, stride: Int, layer: String) -> WindowGeometry {
    guard input.rank == 4 else {
        shapeFailure("\(layer) expected input of shape [batch, channels, height, width], got shape \(input.shape)")
    }
    return WindowGeometry(input.shape, kernel: kernel, stride: stride, padding: 0, layer: layer)
}
