import NumericCore

/// The process-wide seeded generator behind random tensors, parameter initialisation and
/// dropout. Seed it with `Tensor.seed(_:)` for reproducible runs.
enum GlobalGenerator {
    private static let shared = Guarded(SeededGenerator(seed: 0))

    /// Draws from the generator under its lock (one lock for a whole tensor's values).
    static func draw<Result>(_ body: (inout SeededGenerator) -> Result) -> Result {
        shared.withLock(body)
    }

    static func reseed(_ value: UInt64) { shared.withLock { $0 = SeededGenerator(seed: value) } }
}

extension Tensor {
    /// Seeds the generator used by random tensors, initialisers and dropout.
    ///
    ///     Tensor.seed(42)
    ///     let w = Tensor.randomNormal([3, 3])   // the same values on every run
    public static func seed(_ value: UInt64) { GlobalGenerator.reseed(value) }

    /// PyTorch's spelling of `seed(_:)`.
    public static func manualSeed(_ value: UInt64) { seed(value) }

    /// Values drawn from a normal distribution; with `requiresGrad`, a leaf whose gradient
    /// `backward()` fills.
    ///
    ///     let x = Tensor.randomNormal([1, 40, 1], requiresGrad: true)
    public static func randomNormal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                                    requiresGrad: Bool = false) -> Tensor {
        let t = GlobalGenerator.draw { randomNormal(shape, mean: mean, standardDeviation: standardDeviation, using: &$0) }
        t.requiresGrad = requiresGrad
        return t
    }

    /// Values drawn from a normal distribution with an explicit generator.
    public static func randomNormal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                                    using generator: inout SeededGenerator) -> Tensor {
        let t = uninitialized(shape)
        for i in 0..<t.count { t.pointer[i] = mean + standardDeviation * Float(generator.nextNormal()) }
        return t
    }

    /// Values drawn uniformly from `range`; with `requiresGrad`, a leaf whose gradient
    /// `backward()` fills.
    public static func randomUniform(_ shape: [Int], in range: ClosedRange<Float> = 0...1,
                                     requiresGrad: Bool = false) -> Tensor {
        let t = GlobalGenerator.draw { randomUniform(shape, in: range, using: &$0) }
        t.requiresGrad = requiresGrad
        return t
    }

    /// Values drawn uniformly from `range` with an explicit generator.
    public static func randomUniform(_ shape: [Int], in range: ClosedRange<Float> = 0...1,
                                     using generator: inout SeededGenerator) -> Tensor {
        let t = uninitialized(shape)
        let width = range.upperBound - range.lowerBound
        for i in 0..<t.count { t.pointer[i] = range.lowerBound + width * generator.nextFloat() }
        return t
    }
}
