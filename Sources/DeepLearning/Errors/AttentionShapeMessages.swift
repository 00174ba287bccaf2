/// Messages for shape mistakes in layer normalisation and attention, built apart from the trap
/// so that tests can check them.
extension ShapeMessages {
    /// `LayerNorm` fed input whose last dimension is not its feature count.
    ///
    ///     ShapeMessages.layerNorm(features: 64, got: [2, 10, 32])
    public static func layerNorm(features: Int, got shape: [Int]) -> String {
        let fix = shape.last.map { "; for this input use LayerNorm(\($0))" } ?? "; pass a tensor of shape [..., \(features)]"
        return "LayerNorm(\(features)) normalises the last dimension, which must have \(features) features, got shape \(shape)\(fix)"
    }

    /// Query, key and value that do not form `[N, heads, T, d]`, `[N, heads, S, d]`, `[N, heads, S, dᵥ]`.
    ///
    ///     ShapeMessages.attentionOperands(query: [2, 4, 8, 16], key: [2, 4, 8, 32], value: [2, 4, 8, 16])
    public static func attentionOperands(query: [Int], key: [Int], value: [Int]) -> String {
        let layout = "scaledDotProductAttention: expected query [N, heads, T, d], key [N, heads, S, d] and value [N, heads, S, dᵥ], got query \(query), key \(key), value \(value)"
        guard query.count == 4, key.count == 4, value.count == 4 else {
            return layout + "; split the embedding into heads first: x.reshaped([N, T, heads, d]).permuted([0, 2, 1, 3])"
        }
        if query[0] != key[0] || key[0] != value[0] || query[1] != key[1] || key[1] != value[1] {
            return layout + "; batch size and head count (dimensions 0 and 1) must agree across all three"
        }
        if query[3] != key[3] {
            return layout + "; query and key need the same feature size d (last dimension): \(query[3]) ≠ \(key[3])"
        }
        return layout + "; key and value need the same number of positions S (dimension 2): \(key[2]) ≠ \(value[2])"
    }

    /// A key padding mask that is not `[N, S]` for `N` sequences of `S` key positions.
    ///
    ///     ShapeMessages.keyPadding(got: [2, 7], batch: 2, keys: 9)
    public static func keyPadding(got shape: [Int], batch: Int, keys: Int) -> String {
        var message = "scaledDotProductAttention: the key padding mask has shape \(shape) but the keys are \(batch) sequences of \(keys) positions; it needs shape [\(batch), \(keys)] (1 marks a padded position, which no query attends to)"
        if shape.count == 2, shape[0] == batch, shape[1] != keys {
            message += " — a mask of length \(shape[1]) was probably built for sequences padded to \(shape[1]), not \(keys)"
        } else if shape.count == 2, shape[0] == keys, shape[1] == batch {
            message += " — it looks transposed; use mask.transposed()"
        }
        return message
    }

    /// A `MultiHeadAttention` whose head count does not divide the embedding size.
    ///
    ///     ShapeMessages.headsDivide(embedding: 100, heads: 3)   // suggests 1, 2, 4, 5, 10, …
    public static func headsDivide(embedding: Int, heads: Int) -> String {
        let divisors = (1...Swift.max(embedding, 1)).filter { embedding % $0 == 0 && $0 <= 16 }
        return "MultiHeadAttention(embedding: \(embedding), heads: \(heads)): \(heads) heads do not divide the embedding size \(embedding), so the heads cannot share it equally; use a head count among \(divisors.map(String.init).joined(separator: ", ")), or an embedding size that is a multiple of \(heads) (e.g. \((embedding + heads - 1) / Swift.max(heads, 1) * heads))"
    }

    /// Input to an attention layer that is not `[N, T, embedding]`.
    public static func attentionInput(_ layer: String, embedding: Int, got shape: [Int]) -> String {
        let hint = shape.count == 2 && shape.last == embedding ? "; add a batch axis with .unsqueezed(at: 0)" : shape.count == 3 ? "; its last dimension must be \(embedding)" : ""
        return "\(layer) expected input of shape [batch, sequence, \(embedding)], got shape \(shape)\(hint)"
    }

    /// A sequence longer than a position encoding's table.
    ///
    ///     ShapeMessages.sequenceTooLong("LearnedPositionEncoding(length: 64, dimension: 32)", length: 80, maximum: 64)
    public static func sequenceTooLong(_ layer: String, length: Int, maximum: Int) -> String {
        "\(layer): the sequence has \(length) positions but the encoding covers \(maximum); build it with a length of at least \(length), or cut the sequences to \(maximum)"
    }
}
