/// One recorded operation: the tensors it read and a closure that, given the gradient of its
/// result, accumulates gradients into those tensors. The closure must not capture the result
/// tensor itself (that would be a reference cycle); it captures a detached view instead.
final class GradNode {
    let operation: String
    private(set) var parents: [Tensor]
    private(set) var propagate: ((Tensor) -> Void)?

    init(operation: String, parents: [Tensor], propagate: @escaping (Tensor) -> Void) {
        self.operation = operation
        self.parents = parents
        self.propagate = propagate
    }

    /// True once a backward pass has run through this node and released what it held.
    var isSpent: Bool { propagate == nil }

    /// Drops the closure and the inputs (and with them the saved activations).
    func release() {
        propagate = nil
        parents = []
    }
}

extension Tensor {
    /// Records `result` as produced by `operation` from `parents` when any parent needs a
    /// gradient and gradients are enabled; returns `result`.
    @discardableResult
    static func record(_ result: Tensor, _ operation: String, _ parents: [Tensor],
                       _ propagate: @escaping (Tensor) -> Void) -> Tensor {
        guard GradientMode.isEnabled, parents.contains(where: { $0.requiresGrad }) else { return result }
        result.node = GradNode(operation: operation, parents: parents, propagate: propagate)
        return result
    }

    /// Adds `gradient` (same shape as `self`) into `grad`, when this tensor wants gradients.
    func accumulateGrad(_ gradient: Tensor) {
        guard requiresGrad else { return }
        accumulateGrad { destination, accumulate in
            if accumulate {
                let source = gradient.pointer
                for i in 0..<count { destination[i] += source[i] }
            } else {
                destination.update(from: gradient.pointer, count: count)
            }
        }
    }

    /// Lets `write` produce this tensor's gradient in place: `accumulate` is false when there
    /// is no gradient yet (then `write` must set every element) and true when it must add.
    func accumulateGrad(_ write: (UnsafeMutablePointer<Float>, _ accumulate: Bool) -> Void) {
        guard requiresGrad else { return }
        if let grad {
            write(grad.pointer, true)
        } else {
            let fresh = Tensor.uninitialized(shape)
            write(fresh.pointer, false)
            grad = fresh
        }
    }
}
