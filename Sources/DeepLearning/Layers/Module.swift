/// Anything built from layers and parameters: a layer, a `Sequential`, or your own model.
/// Parameters are found by reflecting over stored properties (nested modules, parameter
/// tensors, and arrays or optionals of them), so nothing needs registering:
///
///     final class Net: Layer {
///         let conv1 = Conv2D(1, 8, kernel: 3)
///         let fc = Linear(8 * 13 * 13, 10)
///         func callAsFunction(_ x: Tensor) -> Tensor {
///             fc(maxPool2d(conv1(x).relu(), kernel: 2).flattened())
///         }
///     }
///     Net().namedParameters.map(\.name)   // ["conv1.weight", "conv1.bias", "fc.weight", "fc.bias"]
///
/// `print(model)` shows the layer tree with parameter counts (`summary(of:)`), for your own
/// models too.
public protocol Module: CustomStringConvertible {}

extension Module {
    /// The layer tree with parameter counts; built-in layers describe themselves in one line.
    public var description: String { summary(of: self) }
}

/// A built-in layer that names itself in one line (`Linear(1600 → 128)`) and has no children
/// worth listing.
protocol OneLineLayer: Module {}

/// A module that maps one tensor to another.
public protocol Layer: Module {
    func callAsFunction(_ input: Tensor) -> Tensor
}

/// A module whose behaviour differs between training and evaluation (dropout, batch norm).
public protocol ModeSwitching: AnyObject {
    var isTraining: Bool { get set }
}

/// A module that lists its children itself instead of through reflection.
protocol ExplicitChildren {
    var namedChildren: [(name: String, value: Any)] { get }
}

extension Tensor {
    /// Marks this tensor as a trainable parameter (found by `Module.parameters`) and asks for
    /// its gradient.
    ///
    ///     let scale = Tensor.ones([1]).asParameter()
    @discardableResult
    public func asParameter() -> Tensor {
        isParameter = true
        requiresGrad = true
        return self
    }
}

extension Module {
    /// Every parameter with its dotted path (`conv1.weight`, `0.bias`), shared ones once.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        ModuleReflection.cachedParameters(of: self)
    }

    /// Every parameter, shared ones once: what an optimizer updates.
    public var parameters: [Tensor] { namedParameters.map(\.tensor) }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Switches this module and every module inside it to training mode.
    public func train() { setTraining(true) }

    /// Switches this module and every module inside it to evaluation mode.
    public func eval() { setTraining(false) }

    /// Whether the first mode-dependent layer inside is in training mode (true when none is).
    public var isTrainingMode: Bool {
        var mode: Bool?
        ModuleReflection.visit(self) { _, value in
            if mode == nil, let switching = value as? ModeSwitching { mode = switching.isTraining }
        }
        return mode ?? true
    }

    /// Runs `body` with this module in evaluation mode and without recording gradients, then
    /// restores the mode it had: how every measurement of a model runs.
    ///
    ///     let outputs = model.evaluating { model(testImages) }
    public func evaluating<Result>(_ body: () throws -> Result) rethrows -> Result {
        let wasTraining = isTrainingMode
        eval()
        defer { if wasTraining { train() } }
        return try withoutGradients(body)
    }

    private func setTraining(_ training: Bool) {
        ModuleReflection.visit(self) { _, value in (value as? ModeSwitching)?.isTraining = training }
    }

    /// Stops gradients for every parameter (for transfer learning); `unfreeze()` undoes it.
    public func freeze() { parameters.forEach { $0.requiresGrad = false } }

    /// Lets gradients flow into every parameter again.
    public func unfreeze() { parameters.forEach { $0.requiresGrad = true } }

    /// Clears every parameter's gradient.
    public func zeroGrad() { parameters.forEach { $0.zeroGrad() } }

    /// Forgets the cached parameter list; call after replacing a layer stored in a `var`.
    public func refreshParameters() { ModuleReflection.forget(self) }
}
