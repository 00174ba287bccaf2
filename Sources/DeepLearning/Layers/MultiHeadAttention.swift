/// Multi-head attention (Vaswani et al. 2017): queries, keys and values are projected from the
/// input, split into `heads` parts of `embedding/heads` features, attended to with
/// `scaledDotProductAttention` in every head at once, joined again and projected out. Batch
/// first: input and output `[N, T, embedding]`.
///
///     let attention = MultiHeadAttention(embedding: 128, heads: 4)
///     let y = attention(x)                                  // self-attention, [N, T, 128]
///     let z = attention(x, causal: true, keyPadding: .keyPaddingMask(lengths: lengths, length: T))
///
/// The parameters are laid out as PyTorch's `nn.MultiheadAttention` holds them: one joint
/// projection `inProjectionWeight` `[3E, E]` (rows: query, key, value) with `inProjectionBias`
/// `[3E]`, and `outProjection` (a `Linear(E, E)`); `load(from:names: .pyTorch)` maps
/// `in_proj_weight`, `in_proj_bias` and `out_proj.*` onto them. `dropout` applies to the
/// attention weights in training mode only.
public final class MultiHeadAttention: Layer, ModeSwitching {
    public let inProjectionWeight: Tensor
    public let inProjectionBias: Tensor
    public let outProjection: Linear
    public let embedding: Int, heads: Int
    public let dropout: Float
    /// Whether `callAsFunction(_:)` masks later positions (each position sees itself and the past).
    public let causal: Bool
    public var isTraining = true

    public init(embedding: Int, heads: Int, dropout: Float = 0, causal: Bool = false) {
        guard heads > 0, embedding % heads == 0 else { shapeFailure(ShapeMessages.headsDivide(embedding: embedding, heads: heads)) }
        guard (0..<1).contains(dropout) else { shapeFailure("MultiHeadAttention: dropout \(dropout) is not a probability in [0, 1)") }
        self.embedding = embedding; self.heads = heads; self.dropout = dropout; self.causal = causal
        // PyTorch's initialisation: Xavier-uniform joint projection, zero biases.
        let bound = (6 / Float(embedding + 3 * embedding)).squareRoot()
        inProjectionWeight = Tensor.randomUniform([3 * embedding, embedding], in: -bound...bound).asParameter()
        inProjectionBias = Tensor.zeros([3 * embedding]).asParameter()
        outProjection = Linear(embedding, embedding)
        outProjection.bias?.assign(Tensor.zeros([embedding]))
    }

    /// Self-attention over `[N, T, embedding]`, causal if the layer was built so.
    public func callAsFunction(_ input: Tensor) -> Tensor { callAsFunction(input, causal: causal) }

    /// Self-attention with an explicit causal flag and an optional `[N, T]` key padding mask.
    public func callAsFunction(_ input: Tensor, causal: Bool, keyPadding: Tensor? = nil) -> Tensor {
        checkInput(input)
        let batch = input.shape[0], steps = input.shape[1], e = embedding
        let joint = Tensor.affine(input.reshaped([batch * steps, e]), weight: inProjectionWeight, bias: inProjectionBias)
            .reshaped([batch, steps, 3 * e])
        let parts = (0..<3).map { Tensor.splitHeads(joint, columns: ($0 * e)..<(($0 + 1) * e), heads: heads) }
        return attend(parts[0], parts[1], parts[2], batch: batch, steps: steps, causal: causal, keyPadding: keyPadding)
    }

    /// Attention of `query` `[N, T, E]` over `key` and `value` `[N, S, E]` (cross-attention);
    /// `keyPadding` is `[N, S]`.
    public func callAsFunction(query: Tensor, key: Tensor, value: Tensor, causal: Bool = false,
                               keyPadding: Tensor? = nil) -> Tensor {
        [query, key, value].forEach(checkInput)
        let e = embedding
        let projected = [query, key, value].enumerated().map { part, x -> Tensor in
            let rows = x.shape[0] * x.shape[1]
            let weight = inProjectionWeight.slice(axis: 0, (part * e)..<((part + 1) * e))
            let bias = inProjectionBias.slice(axis: 0, (part * e)..<((part + 1) * e))
            let y = Tensor.affine(x.reshaped([rows, e]), weight: weight, bias: bias).reshaped(x.shape)
            return Tensor.splitHeads(y, columns: 0..<e, heads: heads)
        }
        return attend(projected[0], projected[1], projected[2], batch: query.shape[0], steps: query.shape[1],
                      causal: causal, keyPadding: keyPadding)
    }

    /// The attention weights of every head, `[N, heads, T, T]`, for drawing (no gradient).
    public func weights(_ input: Tensor, causal: Bool? = nil, keyPadding: Tensor? = nil) -> Tensor {
        checkInput(input)
        return withoutGradients {
            let batch = input.shape[0], steps = input.shape[1], e = embedding
            let joint = Tensor.affine(input.reshaped([batch * steps, e]), weight: inProjectionWeight, bias: inProjectionBias)
                .reshaped([batch, steps, 3 * e])
            let q = Tensor.splitHeads(joint, columns: 0..<e, heads: heads)
            let k = Tensor.splitHeads(joint, columns: e..<(2 * e), heads: heads)
            return attentionWeights(q, k, causal: causal ?? self.causal, keyPadding: keyPadding)
        }
    }

    private func attend(_ q: Tensor, _ k: Tensor, _ v: Tensor, batch: Int, steps: Int, causal: Bool, keyPadding: Tensor?) -> Tensor {
        let attended = scaledDotProductAttention(q, k, v, causal: causal, keyPadding: keyPadding,
                                                 dropout: isTraining ? dropout : 0)
        return outProjection(Tensor.mergeHeads(attended))
    }

    private func checkInput(_ input: Tensor) {
        guard input.rank == 3, input.shape[2] == embedding else {
            shapeFailure(ShapeMessages.attentionInput("\(self)", embedding: embedding, got: input.shape))
        }
    }

    public var description: String {
        "MultiHeadAttention(embedding: \(embedding), heads: \(heads)\(causal ? ", causal" : ""))"
    }
}
