/// Branch-free single-precision eˣ, logistic and tanh that the compiler can vectorise, for
/// fused kernels that apply them to whole rows (the LSTM cell). Accurate to a few ulps of
/// `Foundation.exp` over the range where the result is a normal float.
///
///     FastActivations.sigmoid(0)            // 0.5
///     FastActivations.sigmoid(row, count: 128)   // in place
enum FastActivations {
    /// eˣ by range reduction (x = n·ln 2 + r, |r| ≤ ln 2 / 2), a degree-6 polynomial for eʳ,
    /// and 2ⁿ built in the exponent bits. Inputs are clamped to [-87, 88], where eˣ is normal.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87), 88)
        // Adding 1.5 · 2²³ rounds x · log₂e to an integer held in the low mantissa bits.
        let shifter: Float = 12_582_912
        let shifted = clamped * 1.442_695_04 + shifter
        let n = shifted - shifter
        let r = clamped - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        var p: Float = 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = (shifted.bitPattern &- shifter.bitPattern &+ 127) &<< 23
        return p * Float(bitPattern: exponent)
    }

    /// 1 / (1 + e⁻ˣ).
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// tanh x = 1 − 2 / (e²ˣ + 1); exact to about 1e-7 absolute.
    @inline(__always)
    static func tanh(_ x: Float) -> Float { 1 - 2 / (exp(2 * x) + 1) }

    /// eˣ in eight lanes, the same computation as the scalar `exp`.
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        // `replacing(with:where:)` compiles to packed compares and blends; `clamped` and
        // `pointwiseMin` go through a generic per-lane loop.
        let low = SIMD8<Float>(repeating: -87), high = SIMD8<Float>(repeating: 88)
        let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let shifter = SIMD8<Float>(repeating: 12_582_912)
        let shifted = clamped * 1.442_695_04 + shifter
        let n = shifted - shifter
        let r = clamped - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        var p = SIMD8<Float>(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- shifter[0].bitPattern &+ 127
        return p * unsafeBitCast(bits &<< 23, to: SIMD8<Float>.self)
    }

    @inline(__always)
    static func sigmoid(_ x: SIMD8<Float>) -> SIMD8<Float> { 1 / (1 + exp(-x)) }

    @inline(__always)
    static func tanh(_ x: SIMD8<Float>) -> SIMD8<Float> { 1 - 2 / (exp(2 * x) + 1) }

    /// The logistic function over `count` values in place.
    static func sigmoid(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + SIMDAccess.width <= count {
            SIMDAccess.store(sigmoid(SIMDAccess.load(values + i)), values + i)
            i += SIMDAccess.width
        }
        while i < count { values[i] = sigmoid(values[i]); i += 1 }
    }

    /// tanh over `count` values in place.
    static func tanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + SIMDAccess.width <= count {
            SIMDAccess.store(tanh(SIMDAccess.load(values + i)), values + i)
            i += SIMDAccess.width
        }
        while i < count { values[i] = tanh(values[i]); i += 1 }
    }
}
