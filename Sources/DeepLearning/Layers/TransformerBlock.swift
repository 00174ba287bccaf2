/// A pre-norm Transformer block (as in GPT-2, and PyTorch's `nn.TransformerEncoderLayer` with
/// `norm_first=True`): `x + attention(norm1(x))`, then `x + linear2(activation(linear1(norm2(x))))`,
/// with dropout after the attention, inside the feed-forward part and after it (training only).
/// Input and output `[N, T, dimension]`.
///
///     let block = TransformerBlock(dimension: 128, heads: 4, causal: true)   // hidden 512, GELU
///     let y = block(x)
///
/// Its parameter names follow PyTorch's layer (`selfAttention` ↔ `self_attn`, `norm1`, `norm2`,
/// `linear1`, `linear2`), so a `state_dict()` of `nn.TransformerEncoderLayer(norm_first=True,
/// batch_first=True)` loads with `load(from:names: .pyTorch)`. The engine's GELU is the tanh
/// approximation (PyTorch's `approximate='tanh'`).
public final class TransformerBlock: Layer {
    /// The nonlinearity between the feed-forward layers.
    public enum Activation: Sendable { case relu, gelu }

    public let norm1: LayerNorm
    public let selfAttention: MultiHeadAttention
    public let norm2: LayerNorm
    public let linear1: Linear
    public let linear2: Linear
    public let dropout: Dropout
    public let activation: Activation

    public init(dimension: Int, heads: Int, hiddenDimension: Int? = nil, activation: Activation = .gelu,
                dropout: Float = 0, causal: Bool = false) {
        norm1 = LayerNorm(dimension)
        selfAttention = MultiHeadAttention(embedding: dimension, heads: heads, dropout: dropout, causal: causal)
        norm2 = LayerNorm(dimension)
        linear1 = Linear(dimension, hiddenDimension ?? 4 * dimension)
        linear2 = Linear(hiddenDimension ?? 4 * dimension, dimension)
        self.dropout = Dropout(dropout)
        self.activation = activation
    }

    public func callAsFunction(_ input: Tensor) -> Tensor { callAsFunction(input, keyPadding: nil) }

    /// The block with a `[N, T]` key padding mask (1 = padded position).
    public func callAsFunction(_ input: Tensor, keyPadding: Tensor?) -> Tensor {
        let attended = input + dropout(selfAttention(norm1(input), causal: selfAttention.causal, keyPadding: keyPadding))
        let hidden = linear1(norm2(attended))
        let activated = activation == .gelu ? Tensor.fastGELU(hidden) : hidden.relu()
        return attended + dropout(linear2(dropout(activated)))
    }
}
