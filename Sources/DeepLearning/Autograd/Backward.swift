extension Tensor {
    /// Computes the gradient of this tensor with respect to every tensor it was computed from
    /// that requires gradients, and adds it into their `grad`. A non-scalar tensor needs the
    /// gradient of the final value with respect to itself as `seed`.
    ///
    ///     let loss = crossEntropy(model(images), labels)
    ///     loss.backward()
    ///
    /// Intermediate results release their recorded operations afterwards, so each graph can be
    /// walked backwards once; leaf gradients accumulate across calls until `zeroGrad()`.
    public func backward(seed: Tensor? = nil) {
        guard requiresGrad else {
            shapeFailure("backward: this tensor does not depend on anything that requires gradients; create parameters with requiresGrad: true, and do not call backward inside withoutGradients { }")
        }
        let initial: Tensor
        if let seed {
            guard seed.shape == shape else { shapeFailure("backward: seed of shape \(seed.shape) does not match the tensor's shape \(shape)") }
            initial = seed
        } else {
            guard count == 1 else {
                shapeFailure("backward: needs a scalar (one element), got shape \(shape); reduce it first, e.g. loss.mean().backward(), or pass seed:")
            }
            initial = Tensor.ones(shape)
        }
        let order = topologicalOrder()
        withoutGradients {
            accumulateGrad(initial)
            for tensor in order.reversed() {
                guard let node = tensor.node, let propagate = node.propagate else { continue }
                if let gradient = tensor.grad { propagate(gradient) }
                tensor.grad = nil
                node.release()
            }
        }
    }

    /// The tensors this one was computed from, each after all of its inputs.
    private func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var stack: [(tensor: Tensor, nextParent: Int)] = [(self, 0)]
        while let (tensor, next) = stack.last {
            if let node = tensor.node, node.isSpent {
                shapeFailure(AutogradMessages.graphReused(node.operation))
            }
            let parents = tensor.node?.parents ?? []
            if next < parents.count {
                stack[stack.count - 1].nextParent += 1
                let parent = parents[next]
                if parent.requiresGrad, visited.insert(ObjectIdentifier(parent)).inserted {
                    stack.append((parent, 0))
                }
            } else {
                order.append(tensor)
                stack.removeLast()
            }
        }
        return order
    }
}

/// Messages for misuse of `backward()`, built apart from the trap so tests can check them.
public enum AutogradMessages {
    public static func graphReused(_ operation: String) -> String {
        "backward: the result of \(operation) was already used by an earlier backward(), which released its part of the graph; compute the value again before calling backward() a second time, or add the losses and call backward() once"
    }
}
