/// Which keys each query of a `(batch row, head)` block may attend to: all, minus the later
/// positions under a causal mask, minus the padded positions of that batch row.
///
///     let padding = Tensor.keyPaddingMask(lengths: [5, 3], length: 5)   // [[0,0,0,0,0], [0,0,0,1,1]]
struct AttentionVisibility {
    let causal: Bool
    /// `[N, S]`, nonzero where a key position is padding; nil when every key is real.
    let padding: UnsafePointer<Float>?
    let keys: Int

    /// Whether query `query` of batch row `row` sees key `key`.
    @inline(__always)
    func allows(row: Int, query: Int, key: Int) -> Bool {
        if causal && key > query { return false }
        if let padding, padding[row * keys + key] != 0 { return false }
        return true
    }
}

extension Tensor {
    /// A key padding mask `[N, length]` for sequences of the given true lengths: 1 at the padded
    /// positions (`position ≥ lengths[row]`), 0 elsewhere — PyTorch's `key_padding_mask`
    /// convention (true = ignore), as floats.
    ///
    ///     Tensor.keyPaddingMask(lengths: [3, 1], length: 3)   // [[0, 0, 0], [0, 1, 1]]
    public static func keyPaddingMask(lengths: [Int], length: Int) -> Tensor {
        if let bad = lengths.first(where: { $0 < 0 || $0 > length }) {
            shapeFailure("keyPaddingMask: a sequence length of \(bad) does not fit sequences padded to \(length) positions; every length must lie in 0...\(length)")
        }
        let mask = zeros([lengths.count, length])
        for (row, real) in lengths.enumerated() {
            for position in real..<length { mask.pointer[row * length + position] = 1 }
        }
        return mask
    }
}
