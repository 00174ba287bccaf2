/// An n-dimensional array of `Float` values in row-major order that records the operations
/// applied to it, so that `backward()` can compute gradients.
///
///     let x = Tensor([[1, 2], [3, 4]], requiresGrad: true)
///     let y = (x * x).sum()
///     y.backward()
///     print(x.grad!)          // [[2, 4], [6, 8]]
///
/// Tensors are reference types: an optimizer updates a parameter in place, and every layer
/// holding it sees the new values.
public final class Tensor {
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    let storage: TensorStorage
    /// The gradient accumulated by `backward()`, shaped like the tensor.
    public internal(set) var grad: Tensor?
    var wantsGradient: Bool
    /// Set by `asParameter()`: found by `Module.parameters` even while frozen.
    var isParameter = false
    var node: GradNode?

    init(shape: [Int], storage: TensorStorage) {
        self.shape = shape
        self.storage = storage
        self.wantsGradient = false
    }

    /// Whether gradients flow into this tensor: a parameter (leaf) that asks for them, or the
    /// result of an operation on such tensors. Setting it on a leaf freezes or unfreezes it.
    public var requiresGrad: Bool {
        get { wantsGradient || node != nil }
        set { wantsGradient = newValue }
    }

    /// True for tensors not produced by a recorded operation (inputs and parameters).
    public var isLeaf: Bool { node == nil }

    /// The number of elements.
    public var count: Int { storage.count }
    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// A tensor with the same values that is cut off from the graph (no gradient flows back).
    public func detached() -> Tensor { Tensor(shape: shape, storage: storage) }

    /// Clears the gradient (an optimizer's `zeroGrad` calls this on every parameter).
    public func zeroGrad() { grad = nil }

    /// Read access to the values as a flat row-major buffer.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(storage.buffer))
    }

    /// Write access to the values in place, bypassing autograd (for optimizers and initialisers).
    public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(storage.buffer)
    }

    /// Overwrites the values with those of `other` (same number of elements), outside autograd.
    public func assign(_ other: Tensor) {
        guard other.count == count else {
            shapeFailure("assign: cannot copy \(other.count) values of shape \(other.shape) into a tensor of shape \(shape)")
        }
        storage.pointer.update(from: other.storage.pointer, count: count)
    }
}

extension Tensor {
    /// The number of elements of a shape.
    static func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// A fresh tensor of `shape` whose storage the caller must fill.
    static func uninitialized(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(uninitializedCount: elementCount(shape)))
    }

    /// Row-major strides of a shape.
    static func strides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// Maps a possibly negative axis into `0..<rank`, or fails naming the operation.
    func normalizedAxis(_ axis: Int, _ operation: String, rank: Int? = nil) -> Int {
        let r = rank ?? self.rank
        let a = axis < 0 ? axis + r : axis
        guard a >= 0, a < r else {
            shapeFailure("\(operation): axis \(axis) is out of range for a tensor of shape \(shape) (rank \(self.rank))")
        }
        return a
    }

    var pointer: UnsafeMutablePointer<Float> { storage.pointer }
}
