/// Small tools the course uses on trained models: adversarial examples, pruning and
/// 8-bit quantisation.

/// The fast gradient sign method: moves each input value by `epsilon` in the direction that
/// increases the loss, then, when `range` is given, clips it into that range (the valid pixel
/// values, so that the attacked image is still an image). Clears the model's parameter
/// gradients afterwards.
///
///     let adversarial = fgsm(model, images, labels, epsilon: 0.1, clippingTo: -1...1)
public func fgsm(_ model: some Layer, _ inputs: Tensor, _ labels: Tensor, epsilon: Float,
                 clippingTo range: ClosedRange<Float>? = nil,
                 loss lossFunction: (Tensor, Tensor) -> Tensor = crossEntropy) -> Tensor {
    let probe = inputs.copy()
    probe.requiresGrad = true
    lossFunction(model(probe), labels).backward()
    model.zeroGrad()
    guard let gradient = probe.grad else { return inputs.copy() }
    let result = inputs.copy()
    result.withUnsafeMutableBufferPointer { values in
        gradient.withUnsafeBufferPointer { g in
            for i in values.indices { values[i] += g[i] > 0 ? epsilon : (g[i] < 0 ? -epsilon : 0) }
        }
        if let range {
            for i in values.indices { values[i] = Swift.min(Swift.max(values[i], range.lowerBound), range.upperBound) }
        }
    }
    return result
}

/// Sets the `fraction` of weights (per parameter, smallest magnitudes first) to zero; biases
/// and other one-dimensional parameters are left alone. Returns how many values were zeroed.
///
///     prune(model, fraction: 0.5)
@discardableResult
public func prune(_ model: some Module, fraction: Float) -> Int {
    var zeroed = 0
    for parameter in model.parameters where parameter.rank >= 2 {
        let magnitudes = parameter.scalars.map { Swift.abs($0) }.sorted()
        let cut = Int(Float(magnitudes.count) * Swift.min(Swift.max(fraction, 0), 1))
        guard cut > 0 else { continue }
        let threshold = magnitudes[cut - 1]
        var budget = cut
        parameter.withUnsafeMutableBufferPointer { values in
            for i in values.indices where budget > 0 && Swift.abs(values[i]) <= threshold {
                values[i] = 0; budget -= 1
            }
        }
        zeroed += cut - budget
    }
    return zeroed
}

/// A tensor stored as 8-bit integers with one scale (symmetric quantisation).
public struct QuantizedTensor {
    public let values: [Int8]
    public let scale: Float
    public let shape: [Int]

    /// Rounds `tensor / scale` to integers in −127…127, with `scale = max|x| / 127`.
    public init(_ tensor: Tensor) {
        let largest = tensor.scalars.map { Swift.abs($0) }.max() ?? 0
        scale = largest > 0 ? largest / 127 : 1
        let s = scale
        values = tensor.scalars.map { Int8(Swift.max(-127, Swift.min(127, ($0 / s).rounded()))) }
        shape = tensor.shape
    }

    /// The values back as floats (each within scale / 2 of the original).
    public func dequantized() -> Tensor { Tensor(values.map { Float($0) * scale }, shape: shape) }

    /// Bytes used by the integers (against 4 per value for `Float`).
    public var byteCount: Int { values.count }
}

/// Replaces every parameter of `model` by its int8 round trip (simulated quantisation) and
/// returns the largest change made.
@discardableResult
public func quantizeWeights(_ model: some Module) -> Float {
    var largest: Float = 0
    for parameter in model.parameters {
        let roundTrip = QuantizedTensor(parameter).dequantized()
        for (a, b) in zip(parameter.scalars, roundTrip.scalars) { largest = Swift.max(largest, Swift.abs(a - b)) }
        parameter.assign(roundTrip)
    }
    return largest
}
