/// A fully connected layer: `y = x · Wᵀ + b`, with `W` of shape `[out, in]` as in PyTorch.
///
///     let layer = Linear(784, 128)
///     let y = layer(x)            // [N, 784] → [N, 128]
public final class Linear: Layer {
    public let weight: Tensor
    public let bias: Tensor?
    public let inputFeatures: Int, outputFeatures: Int

    public init(_ inputFeatures: Int, _ outputFeatures: Int, bias: Bool = true) {
        self.inputFeatures = inputFeatures
        self.outputFeatures = outputFeatures
        weight = Initialization.uniform([outputFeatures, inputFeatures], fanIn: inputFeatures)
        self.bias = bias ? Initialization.uniform([outputFeatures], fanIn: inputFeatures) : nil
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        guard input.rank >= 1, input.shape.last == inputFeatures else {
            shapeFailure(ShapeMessages.linear(inputFeatures: inputFeatures, outputFeatures: outputFeatures, got: input.shape))
        }
        let rows = input.rank == 2 ? input : input.reshaped([-1, inputFeatures])
        let output = Tensor.affine(rows, weight: weight, bias: bias)
        return input.rank == 2 ? output : output.reshaped(Array(input.shape.dropLast()) + [outputFeatures])
    }

    public var description: String { "Linear(\(inputFeatures) → \(outputFeatures))" }
}
