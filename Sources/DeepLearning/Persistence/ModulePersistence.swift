import Foundation

/// Whose names a file uses for a module's tensors.
public enum TensorNames: Sendable {
    /// The engine's dotted paths (`0.weight`, `lstm.inputWeight`, `bn.runningMean`).
    case engine
    /// PyTorch's `state_dict()` names for the same layers (`lstm.weight_ih_l0`,
    /// `bn.running_mean`); see `PyTorchNames` for the table.
    case pyTorch
}

/// What `load` did: which of the module's tensors it set, which tensors of the file it left
/// unused (PyTorch's `num_batches_tracked`, layers the model does not have), and — when not
/// strict — which of the module's tensors the file lacked.
///
///     let report = try model.load(from: url, names: .pyTorch)
///     report.ignored   // ["1.num_batches_tracked"]
public struct LoadReport: Sendable, Equatable {
    /// The module's tensors that were overwritten, by engine name, in the module's order.
    public let loaded: [String]
    /// The file's tensors that matched nothing in the module, by their name in the file.
    public let ignored: [String]
    /// The module's tensors that the file lacked (always empty for a strict load).
    public let missing: [String]
}

extension Module {
    /// Every tensor the module holds (parameters and state such as batch-norm running
    /// statistics) by dotted path: what `save(to:)` writes.
    public var namedState: [(name: String, tensor: Tensor)] {
        var found: [(String, Tensor)] = []
        ModuleReflection.visit(self) { path, value in
            if let tensor = value as? Tensor { found.append((path, tensor)) }
        }
        return found
    }

    /// Writes the module's tensors to a safetensors file, with the engine's names or with
    /// PyTorch's (then `torch.nn.Module.load_state_dict` accepts the file for the same layers).
    ///
    ///     try model.save(to: URL(fileURLWithPath: "model.safetensors"))
    ///     try model.save(to: URL(fileURLWithPath: "for-pytorch.safetensors"), names: .pyTorch)
    public func save(to url: URL, names: TensorNames = .engine) throws {
        let state = names == .engine
            ? Dictionary(uniqueKeysWithValues: namedState.map { ($0.name, $0.tensor) })
            : PyTorchNames.export(namedState)
        try SafeTensors.encode(state).write(to: url)
    }

    /// Reads a safetensors file into this module, matching names and shapes. With `strict`,
    /// every tensor of the module must be in the file. Every tensor is checked before any is
    /// assigned, so a file that does not fit leaves the module unchanged.
    ///
    ///     try model.load(from: URL(fileURLWithPath: "model.safetensors"))
    ///     let report = try model.load(from: torchFile, names: .pyTorch)   // PyTorch's state_dict()
    @discardableResult
    public func load(from url: URL, strict: Bool = true, names: TensorNames = .engine) throws -> LoadReport {
        let saved = try SafeTensors.read(url)
        switch names {
        case .engine: return try load(saved, strict: strict) { $0 }
        case .pyTorch: return try loadPyTorchState(saved, strict: strict)
        }
    }

    /// Loads named tensors (from a file, another library, or computed) into this module.
    /// `renaming` maps each given name to the engine's name for it, or to nil to skip it.
    /// Validates every tensor first (names, shapes), then assigns: on a throw the module is
    /// unchanged.
    ///
    ///     try model.load(tensors, strict: false) { name in
    ///         name.hasPrefix("encoder.") ? String(name.dropFirst(8)) : nil
    ///     }
    @discardableResult
    public func load(_ tensors: [String: Tensor], strict: Bool = true,
                     renaming: (String) -> String? = { $0 }) throws -> LoadReport {
        var byEngineName: [String: (source: String, tensor: Tensor)] = [:]
        var ignored: [String] = []
        for source in tensors.keys.sorted() {
            guard let target = renaming(source) else { ignored.append(source); continue }
            if let earlier = byEngineName[target] {
                throw SafeTensorsError(message: "\(earlier.source) and \(source) both map to \(target)")
            }
            byEngineName[target] = (source, tensors[source]!)
        }
        let state = namedState
        var assignments: [(target: Tensor, value: Tensor)] = []
        var loaded: [String] = [], missing: [String] = []
        for (name, tensor) in state {
            guard let stored = byEngineName.removeValue(forKey: name) else {
                if strict {
                    throw SafeTensorsError(message: "the file has no tensor for \(name); it holds \(tensors.keys.sorted())")
                }
                missing.append(name)
                continue
            }
            guard stored.tensor.shape == tensor.shape else {
                let renamed = stored.source == name ? "" : " (as \(stored.source))"
                throw SafeTensorsError(message: "\(name)\(renamed) has shape \(stored.tensor.shape) in the file but \(tensor.shape) in the model")
            }
            assignments.append((tensor, stored.tensor))
            loaded.append(name)
        }
        ignored += byEngineName.values.map(\.source)
        for (target, value) in assignments { target.assign(value) }
        return LoadReport(loaded: loaded, ignored: ignored.sorted(), missing: missing)
    }

    /// Loads PyTorch `state_dict()` tensors (by PyTorch's names, see `PyTorchNames`), with the
    /// same checks and atomicity as `load(_:strict:renaming:)`.
    ///
    ///     let report = try model.loadPyTorchState(try SafeTensors.read(url))
    @discardableResult
    public func loadPyTorchState(_ tensors: [String: Tensor], strict: Bool = true) throws -> LoadReport {
        let translated = try PyTorchNames.engineTensors(tensors, moduleNames: Set(namedState.map(\.name)))
        let report = try load(translated.tensors, strict: strict) { $0 }
        let unused = report.ignored.map { translated.sources[$0] ?? $0 }
        return LoadReport(loaded: report.loaded, ignored: (unused + translated.ignored).sorted(), missing: report.missing)
    }
}
