import NumericCore

/// GELU (tanh approximation) as one vectorised node for the Transformer block's feed-forward
/// part: `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))` with `FastActivations.tanh` in eight
/// lanes, forward and backward. It agrees with `Tensor.gelu()` (which uses `Foundation.tanh`
/// and whose results the course pins) to about 1e-7 absolute, so `gelu()` itself is unchanged.
///
///     let activated = Tensor.fastGELU(hidden)
extension Tensor {
    static func fastGELU(_ input: Tensor) -> Tensor {
        let result = uninitialized(input.shape)
        let count = input.count, x = input.pointer, y = result.pointer
        Parallel.forChunksIfLarge(count / SIMDAccess.width + 1, work: count) { chunk in
            GELUKernels.forward(x, y, lanes: chunk, count: count)
        }
        return record(result, "gelu", [input]) { g in
            input.accumulateGrad { dst, accumulate in
                Parallel.forChunksIfLarge(count / SIMDAccess.width + 1, work: count) { chunk in
                    GELUKernels.backward(x, g.pointer, dst, lanes: chunk, count: count, accumulate: accumulate)
                }
            }
        }
    }
}

/// The GELU kernels over groups of eight values (`lanes` indexes the groups; the last group
/// may be partial).
enum GELUKernels {
    static let c: Float = 0.797_884_56, cubic: Float = 0.044715

    @inline(__always)
    static func value(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let cube: SIMD8<Float> = x * x * x
        let t: SIMD8<Float> = FastActivations.tanh(c * (x + cubic * cube))
        return 0.5 * x * (1 + t)
    }

    @inline(__always)
    static func slope(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let square: SIMD8<Float> = x * x
        let t: SIMD8<Float> = FastActivations.tanh(c * (x + cubic * square * x))
        let outer: SIMD8<Float> = 0.5 * (1 + t)
        let inner: SIMD8<Float> = (1 - t * t) * (c * (1 + 3 * cubic * square))
        return outer + 0.5 * x * inner
    }

    static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, lanes: Range<Int>, count: Int) {
        for group in lanes {
            let start = group * SIMDAccess.width
            if start + SIMDAccess.width <= count {
                SIMDAccess.store(value(SIMDAccess.load(x + start)), y + start)
            } else {
                for i in start..<count { y[i] = value(SIMD8(repeating: x[i]))[0] }
            }
        }
    }

    static func backward(_ x: UnsafePointer<Float>, _ g: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>,
                         lanes: Range<Int>, count: Int, accumulate: Bool) {
        for group in lanes {
            let start = group * SIMDAccess.width
            if start + SIMDAccess.width <= count {
                let d = slope(SIMDAccess.load(x + start)) * SIMDAccess.load(g + start)
                SIMDAccess.store(accumulate ? SIMDAccess.load(dst + start) + d : d, dst + start)
            } else {
                for i in start..<count {
                    let d = slope(SIMD8(repeating: x[i]))[0] * g[i]
                    dst[i] = accumulate ? dst[i] + d : d
                }
            }
        }
    }
}
