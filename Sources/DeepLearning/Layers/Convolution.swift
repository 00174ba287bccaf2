/// A 2-D convolution over `[N, C, H, W]` images with a square kernel.
///
///     let conv = Conv2D(1, 32, kernel: 3)                 // 28×28 → 26×26
///     let same = Conv2D(32, 32, kernel: 3, padding: 1)    // keeps the size
public final class Conv2D: Layer {
    public let weight: Tensor
    public let bias: Tensor?
    public let inChannels: Int, outChannels: Int, kernel: Int, stride: Int, padding: Int

    public init(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0, bias: Bool = true) {
        self.inChannels = inChannels; self.outChannels = outChannels
        self.kernel = kernel; self.stride = stride; self.padding = padding
        let fanIn = inChannels * kernel * kernel
        weight = Initialization.uniform([outChannels, inChannels, kernel, kernel], fanIn: fanIn)
        self.bias = bias ? Initialization.uniform([outChannels], fanIn: fanIn) : nil
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding)
    }

    public var description: String {
        var text = "Conv2D(\(inChannels) → \(outChannels), kernel: \(kernel)"
        if stride != 1 { text += ", stride: \(stride)" }
        if padding != 0 { text += ", padding: \(padding)" }
        return text + ")"
    }
}
