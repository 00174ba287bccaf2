/// The flat, row-major `Float` buffer behind one or more tensors (views such as `reshaped`
/// share it). Owned by a class so that tensors can be passed around without copying.
final class TensorStorage {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// Uninitialised storage for `count` floats; the caller must write every element.
    init(uninitializedCount count: Int) {
        self.count = count
        pointer = StoragePool.allocate(count)
    }

    convenience init(repeating value: Float, count: Int) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    convenience init(copying source: UnsafePointer<Float>, count: Int) {
        self.init(uninitializedCount: count)
        pointer.initialize(from: source, count: count)
    }

    deinit { StoragePool.release(pointer, count: count) }

    var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }
}
