/// PyTorch's names for the attention layers' sub-modules, which differ from the engine's in a
/// path component rather than in the leaf:
///
/// | layer | PyTorch | engine |
/// | --- | --- | --- |
/// | MultiHeadAttention | `in_proj_weight`, `in_proj_bias` | `inProjectionWeight`, `inProjectionBias` (leaves, in `PyTorchNames.leaves`) |
/// | MultiHeadAttention | `out_proj.weight`, `out_proj.bias` | `outProjection.weight`, `outProjection.bias` |
/// | TransformerBlock (`nn.TransformerEncoderLayer`) | `self_attn.…` | `selfAttention.…` |
///
/// A component is renamed only where the module has an attention layer there, so that a
/// model's own `out_proj` property keeps its name.
///
///     PyTorchNames.attentionPath("0.self_attn.out_proj.weight", moduleNames: names)   // "0.selfAttention.outProjection.weight"
extension PyTorchNames {
    /// PyTorch component → engine component.
    static let attentionComponents = ["out_proj": "outProjection", "self_attn": "selfAttention"]

    /// The engine's name for a PyTorch path whose leaf is already mapped, when the module has it.
    static func attentionPath(_ name: String, moduleNames: Set<String>) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.contains(where: { attentionComponents[$0] != nil }) else { return name }
        let renamed = parts.map { attentionComponents[$0] ?? $0 }.joined(separator: ".")
        return moduleNames.contains(renamed) ? renamed : name
    }

    /// PyTorch's path for an engine name: `outProjection` beside an `inProjectionWeight`, and
    /// `selfAttention` holding one, take PyTorch's component names.
    static func pyTorchAttentionPath(_ name: String, names: Set<String>) -> String {
        let original = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let engineToPyTorch = Dictionary(uniqueKeysWithValues: attentionComponents.map { ($0.value, $0.key) })
        var parts = original
        for index in original.indices.dropLast() {
            guard let pyTorch = engineToPyTorch[original[index]] else { continue }
            let parent = original[..<index].map { $0 + "." }.joined()
            let isProjection = original[index] == "outProjection" && names.contains(parent + "inProjectionWeight")
            let isAttention = original[index] == "selfAttention" && names.contains(parent + original[index] + ".inProjectionWeight")
            if isProjection || isAttention { parts[index] = pyTorch }
        }
        return parts.joined(separator: ".")
    }
}
