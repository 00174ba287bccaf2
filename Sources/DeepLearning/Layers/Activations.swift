/// Activation functions as layers, for use inside `Sequential`.
///
///     Sequential { Linear(2, 16); ReLU(); Linear(16, 1); Sigmoid() }
public struct ReLU: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.relu() }
    public var description: String { "ReLU" }
}

public struct LeakyReLU: Layer {
    public let slope: Float
    public init(slope: Float = 0.01) { self.slope = slope }
    public func callAsFunction(_ input: Tensor) -> Tensor { input.leakyRelu(slope: slope) }
    public var description: String { "LeakyReLU(slope: \(slope))" }
}

public struct Sigmoid: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.sigmoid() }
    public var description: String { "Sigmoid" }
}

public struct Tanh: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.tanh() }
    public var description: String { "Tanh" }
}

public struct GELU: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.gelu() }
    public var description: String { "GELU" }
}

/// Softmax over the last axis.
public struct Softmax: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.softmax() }
    public var description: String { "Softmax" }
}

/// Log-softmax over the last axis (pair with `nll`).
public struct LogSoftmax: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.logSoftmax() }
    public var description: String { "LogSoftmax" }
}
