/// PyTorch's `state_dict()` names for the layers the engine has, and the engine's names for
/// the same tensors. The prefix (the dotted path of the layer: `0.`, `features.3.`, `lstm.`)
/// is the same on both sides, since `Sequential` and stored properties name their children
/// as PyTorch's `nn.Sequential` and attributes do; only the last component differs:
///
/// | layer | PyTorch | engine |
/// | --- | --- | --- |
/// | Linear, Conv2D, Embedding, BatchNorm | `weight`, `bias` | `weight`, `bias` |
/// | BatchNorm1D/2D | `running_mean`, `running_var` | `runningMean`, `runningVariance` |
/// | BatchNorm1D/2D | `num_batches_tracked` (I64) | — (ignored on import, reported; written as 0 on export) |
/// | RNN, LSTM, GRU (one layer) | `weight_ih_l0`, `weight_hh_l0` | `inputWeight`, `hiddenWeight` |
/// | RNN, LSTM | `bias_ih_l0` + `bias_hh_l0` | `bias` (their sum; exported as `bias_ih_l0` = `bias`, `bias_hh_l0` = 0) |
/// | GRU | `bias_ih_l0`, `bias_hh_l0` | `inputBias`, `hiddenBias` (kept apart: `b_hn` sits inside `r ⊙ (W_hn h + b_hn)`) |
///
/// Gate order is PyTorch's on both sides (LSTM i, f, g, o; GRU r, z, n), so weights need no
/// reordering. Stacked (`_l1`) and bidirectional (`_reverse`) recurrent weights have no engine
/// counterpart and are reported as ignored.
///
///     PyTorchNames.engineLeaf(for: "running_var")   // "runningVariance"
public enum PyTorchNames {
    /// PyTorch leaf name → engine leaf name, for the names that map one to one.
    static let leaves: [String: String] = [
        "weight": "weight", "bias": "bias",
        "running_mean": "runningMean", "running_var": "runningVariance",
        "weight_ih_l0": "inputWeight", "weight_hh_l0": "hiddenWeight",
    ]
    /// PyTorch leaves with no engine tensor, skipped on import.
    static let skipped: Set<String> = ["num_batches_tracked"]

    /// The engine's leaf name for a PyTorch leaf name that maps one to one, or nil.
    public static func engineLeaf(for pyTorchLeaf: String) -> String? { leaves[pyTorchLeaf] }

    /// Splits `a.b.leaf` into (`a.b.`, `leaf`).
    static func split(_ name: String) -> (prefix: String, leaf: String) {
        guard let dot = name.lastIndex(of: ".") else { return ("", name) }
        return (String(name[...dot]), String(name[name.index(after: dot)...]))
    }

    /// PyTorch tensors renamed for a module whose tensors are `moduleNames`: recurrent biases
    /// summed (RNN, LSTM) or renamed (GRU, told apart by its `inputBias`), skipped names
    /// returned as `ignored`, unknown names passed through unchanged (the load reports them).
    /// `sources` gives, for each engine name, the PyTorch name(s) it came from.
    static func engineTensors(_ tensors: [String: Tensor], moduleNames: Set<String>) throws
        -> (tensors: [String: Tensor], ignored: [String], sources: [String: String]) {
        var result: [String: Tensor] = [:], sources: [String: String] = [:], ignored: [String] = []
        var biasPairs: [String: (input: Tensor?, hidden: Tensor?)] = [:]
        for name in tensors.keys.sorted() {
            let tensor = tensors[name]!
            let (prefix, leaf) = split(name)
            if skipped.contains(leaf) { ignored.append(name); continue }
            if leaf == "bias_ih_l0" || leaf == "bias_hh_l0" {
                if moduleNames.contains(prefix + "inputBias") {
                    let target = prefix + (leaf == "bias_ih_l0" ? "inputBias" : "hiddenBias")
                    result[target] = tensor; sources[target] = name
                } else {
                    var pair = biasPairs[prefix] ?? (nil, nil)
                    if leaf == "bias_ih_l0" { pair.input = tensor } else { pair.hidden = tensor }
                    biasPairs[prefix] = pair
                }
                continue
            }
            let target = prefix + (leaves[leaf] ?? leaf)
            result[target] = tensor; sources[target] = name
        }
        for (prefix, pair) in biasPairs {
            guard let input = pair.input, let hidden = pair.hidden else {
                let present = pair.input == nil ? "bias_hh_l0" : "bias_ih_l0"
                let absent = pair.input == nil ? "bias_ih_l0" : "bias_hh_l0"
                throw SafeTensorsError(message: "\(prefix)\(present) has no partner \(prefix)\(absent); the engine's RNN and LSTM bias is their sum")
            }
            guard input.shape == hidden.shape else {
                throw SafeTensorsError(message: "\(prefix)bias_ih_l0 has shape \(input.shape) but \(prefix)bias_hh_l0 has \(hidden.shape)")
            }
            let target = prefix + "bias"
            result[target] = withoutGradients { input + hidden }
            sources[target] = "\(prefix)bias_ih_l0 + \(prefix)bias_hh_l0"
        }
        return (result, ignored, sources)
    }

    /// The module's tensors under PyTorch's names, ready for `load_state_dict`.
    static func export(_ state: [(name: String, tensor: Tensor)]) -> [String: Tensor] {
        let names = Set(state.map(\.name))
        let engineToPyTorch = Dictionary(uniqueKeysWithValues: leaves.map { ($0.value, $0.key) })
        var result: [String: Tensor] = [:]
        for (name, tensor) in state {
            let (prefix, leaf) = split(name)
            switch leaf {
            case "inputBias": result[prefix + "bias_ih_l0"] = tensor
            case "hiddenBias": result[prefix + "bias_hh_l0"] = tensor
            case "bias" where names.contains(prefix + "inputWeight"):
                result[prefix + "bias_ih_l0"] = tensor
                result[prefix + "bias_hh_l0"] = Tensor.zeros(tensor.shape)
            case "runningMean":
                result[prefix + "running_mean"] = tensor
                result[prefix + "num_batches_tracked"] = Tensor.zeros([])
            default:
                result[prefix + (engineToPyTorch[leaf] ?? leaf)] = tensor
            }
        }
        return result
    }
}
