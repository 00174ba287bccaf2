/// A copy of every tensor a module holds — parameters and state such as batch-norm running
/// statistics — by dotted name, kept in memory: the weights of the best epoch so far, or the
/// state to copy from one model into another of the same architecture.
///
///     let best = model.checkpoint()
///     … train further …
///     model.restore(best)                     // back to the saved weights
///     student.restore(teacher.checkpoint())   // same layers: copy one model into another
public struct Checkpoint {
    /// The saved tensors by dotted path, in the module's order.
    public let tensors: [(name: String, tensor: Tensor)]
}

extension Module {
    /// Copies every tensor of the module (see `Checkpoint`).
    public func checkpoint() -> Checkpoint {
        Checkpoint(tensors: namedState.map { ($0.name, $0.tensor.copy()) })
    }

    /// Overwrites the module's tensors with those of `checkpoint`, matched by dotted name; a
    /// missing name or a different shape stops with a message naming it, before any tensor
    /// is overwritten.
    public func restore(_ checkpoint: Checkpoint) {
        var saved: [String: Tensor] = [:]
        for (name, tensor) in checkpoint.tensors { saved[name] = tensor }
        let state = namedState
        for (name, tensor) in state {
            guard let stored = saved[name] else {
                shapeFailure("restore: the checkpoint has no tensor named \(name); it holds \(checkpoint.tensors.map(\.name)) — was it taken from a model with the same layers?")
            }
            guard stored.shape == tensor.shape else {
                shapeFailure("restore: \(name) has shape \(stored.shape) in the checkpoint but \(tensor.shape) in the model")
            }
        }
        for (name, tensor) in state { tensor.assign(saved[name]!) }
    }
}
