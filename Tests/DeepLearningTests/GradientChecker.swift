import Testing
@testable import DeepLearning
import NumericCore

/// Every suite of this target nests in here: the engine keeps process-wide state (the
/// gradient mode and the seeded generator), so its tests run one at a time.
@Suite(.serialized) struct DeepLearningTests {}

/// Compares the gradients `backward()` computes for `inputs` with central finite differences
/// of `function`. The output is reduced with fixed random weights, so every output element
/// contributes with a different factor (a plain sum would hide some mistakes).
func checkGradients(_ inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Float = 2e-2,
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ function: ([Tensor]) -> Tensor) {
    inputs.forEach { $0.requiresGrad = true; $0.zeroGrad() }
    let probe = withoutGradients { function(inputs) }
    var generator = SeededGenerator(seed: 99)
    let weights = Tensor.randomUniform(probe.shape, in: 0.5...1.5, using: &generator)
    func objective() -> Float { withoutGradients { (function(inputs) * weights).sum().item } }

    (function(inputs) * weights).sum().backward()
    for (number, input) in inputs.enumerated() {
        let analytic = input.grad?.scalars ?? [Float](repeating: 0, count: input.count)
        for i in 0..<input.count {
            let original = input.withUnsafeBufferPointer { $0[i] }
            input.withUnsafeMutableBufferPointer { $0[i] = original + epsilon }
            let plus = objective()
            input.withUnsafeMutableBufferPointer { $0[i] = original - epsilon }
            let minus = objective()
            input.withUnsafeMutableBufferPointer { $0[i] = original }
            let numeric = (plus - minus) / (2 * epsilon)
            let error = abs(numeric - analytic[i])
            #expect(error <= tolerance * (1 + abs(numeric)),
                    "input \(number) element \(i): backward gave \(analytic[i]), finite differences \(numeric)",
                    sourceLocation: sourceLocation)
        }
    }
}

/// A seeded random tensor for tests, with values kept away from zero when `awayFromZero`.
func sample(_ shape: [Int], seed: UInt64 = 1, in range: ClosedRange<Float> = -1...1, awayFromZero: Bool = false) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let t = Tensor.randomUniform(shape, in: range, using: &generator)
    if awayFromZero {
        t.withUnsafeMutableBufferPointer { values in
            for i in values.indices where abs(values[i]) < 0.1 { values[i] = values[i] < 0 ? -0.3 : 0.3 }
        }
    }
    return t
}

/// Float comparison for expectations.
func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-4) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * (1 + abs($1)) }
}
