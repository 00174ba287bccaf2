/// Layer normalisation: normalises each position's features (the last axis) to mean 0 and
/// variance 1, then scales by a learned `weight` (γ, starts at 1) and shifts by a learned
/// `bias` (β, starts at 0), as PyTorch's `nn.LayerNorm(features)` with eps = 1e-5. Unlike batch
/// normalisation it uses no batch statistics, so training and evaluation behave the same.
///
///     let norm = LayerNorm(128)
///     let y = norm(x)          // [N, T, 128] → [N, T, 128]
public final class LayerNorm: Layer {
    public let weight: Tensor
    public let bias: Tensor
    public let features: Int
    public let epsilon: Float

    public init(_ features: Int, epsilon: Float = 1e-5) {
        self.features = features
        self.epsilon = epsilon
        weight = Tensor.ones([features]).asParameter()
        bias = Tensor.zeros([features]).asParameter()
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        Tensor.layerNorm(input, weight: weight, bias: bias, epsilon: epsilon)
    }

    public var description: String { "LayerNorm(\(features))" }
}
extension LayerNorm: OneLineLayer {}
