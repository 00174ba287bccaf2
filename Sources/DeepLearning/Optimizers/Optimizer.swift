/// Updates parameters from their gradients. Subclasses implement `update(_:at:)`.
///
///     let optimizer = Adam(model.parameters, learningRate: 0.001)
///     optimizer.zeroGrad(); loss.backward(); optimizer.step()
open class Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    /// How many times `step()` has run.
    public private(set) var stepCount = 0

    public init(_ parameters: [Tensor], learningRate: Float) {
        var seen = Set<ObjectIdentifier>()
        self.parameters = parameters.filter { seen.insert(ObjectIdentifier($0)).inserted }
        self.learningRate = learningRate
    }

    /// Clears every parameter's gradient.
    public func zeroGrad() { parameters.forEach { $0.zeroGrad() } }

    /// Applies one update to every parameter that has a gradient (frozen ones have none).
    public func step() {
        stepCount += 1
        for (index, parameter) in parameters.enumerated() {
            guard parameter.requiresGrad, let grad = parameter.grad else { continue }
            parameter.withUnsafeMutableBufferPointer { values in
                grad.withUnsafeBufferPointer { gradient in update(values, gradient, slot: index) }
            }
        }
    }

    /// Updates one parameter's values in place; `slot` indexes per-parameter state.
    open func update(_ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>, slot: Int) {
        fatalError("\(type(of: self)) must override update(_:_:slot:)")
    }

    /// Per-parameter state buffers (momentum, moments), created as zeros on first use.
    final class State {
        private var buffers: [[Float]?]
        init(count: Int) { buffers = Array(repeating: nil, count: count) }
        func withBuffer<R>(_ slot: Int, size: Int, _ body: (UnsafeMutableBufferPointer<Float>) -> R) -> R {
            if buffers[slot] == nil { buffers[slot] = [Float](repeating: 0, count: size) }
            return buffers[slot]!.withUnsafeMutableBufferPointer { body($0) }
        }
    }
}
