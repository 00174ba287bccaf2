import NumericCore

/// The process-wide seeded generator behind random tensors, parameter initialisation and
/// dropout. Seed it with `Tensor.seed(_:)` for reproducible runs.
enum GlobalGenerator {
    nonisolated(unsafe) static var generator = SeededGenerator(seed: 0)
}

extension Tensor {
    /// Seeds the generator used by random tensors, initialisers and dropout.
    ///
    ///     Tensor.seed(42)
    ///     let w = Tensor.randomNormal([3, 3])   // the same values on every run
    public static func seed(_ value: UInt64) { GlobalGenerator.generator = SeededGenerator(seed: value) }

    /// PyTorch's spelling of `seed(_:)`.
    public static func manualSeed(_ value: UInt64) { seed(value) }

    /// Values drawn from a normal distribution; with `requiresGrad`, a leaf whose gradient
    /// `backward()` fills.
    ///
    ///     let x = Tensor.randomNormal([1, 40, 1], requiresGrad: true)
    public static func randomNormal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                                    requiresGrad: Bool = false) -> Tensor {
        let t = randomNormal(shape, mean: mean, standardDeviation: standardDeviation, using: &GlobalGenerator.generator)
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
        let t = randomUniform(shape, in: range, using: &GlobalGenerator.generator)
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
