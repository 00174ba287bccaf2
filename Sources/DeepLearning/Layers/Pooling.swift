/// Max pooling over square windows; the stride defaults to the window size.
///
///     MaxPool2D(2)      // [N, C, 26, 26] → [N, C, 13, 13]
public struct MaxPool2D: Layer {
    public let kernel: Int, stride: Int
    public init(_ kernel: Int, stride: Int? = nil) { self.kernel = kernel; self.stride = stride ?? kernel }
    public func callAsFunction(_ input: Tensor) -> Tensor { maxPool2d(input, kernel: kernel, stride: stride) }
    public var description: String { stride == kernel ? "MaxPool2D(\(kernel))" : "MaxPool2D(\(kernel), stride: \(stride))" }
}

/// Average pooling over square windows; the stride defaults to the window size.
public struct AvgPool2D: Layer {
    public let kernel: Int, stride: Int
    public init(_ kernel: Int, stride: Int? = nil) { self.kernel = kernel; self.stride = stride ?? kernel }
    public func callAsFunction(_ input: Tensor) -> Tensor { avgPool2d(input, kernel: kernel, stride: stride) }
    public var description: String { stride == kernel ? "AvgPool2D(\(kernel))" : "AvgPool2D(\(kernel), stride: \(stride))" }
}

/// Flattens everything after the batch axis: `[N, C, H, W] → [N, C·H·W]`.
public struct Flatten: Layer {
    public init() {}
    public func callAsFunction(_ input: Tensor) -> Tensor { input.flattened(from: 1) }
    public var description: String { "Flatten" }
}
