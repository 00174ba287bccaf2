/// Layers applied one after another, written as a block in which `if` and `for` work:
///
///     let model = Sequential {
///         Conv2D(1, 32, kernel: 3); ReLU(); MaxPool2D(2)
///         Flatten(); Linear(32 * 13 * 13, 10)
///         if useDropout { Dropout(0.5) }
///     }
///     print(model)     // the layer tree with parameter counts
public final class Sequential: Layer, ExplicitChildren {
    /// The layers in order; changing them refreshes this model's parameter list.
    public var layers: [any Layer] {
        didSet { ModuleReflection.forget(self) }
    }

    public init(@LayerBuilder _ build: () -> [any Layer]) { layers = build() }
    public init(_ layers: [any Layer]) { self.layers = layers }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { x, layer in layer(x) }
    }

    var namedChildren: [(name: String, value: Any)] {
        layers.enumerated().map { (String($0.offset), $0.element as Any) }
    }

    public var description: String { summary(of: self) }
}

/// Collects layers for `Sequential { … }`.
@resultBuilder
public enum LayerBuilder {
    public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
    public static func buildExpression(_ layers: [any Layer]) -> [any Layer] { layers }
    public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
    public static func buildEither(first part: [any Layer]) -> [any Layer] { part }
    public static func buildEither(second part: [any Layer]) -> [any Layer] { part }
    public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
}
