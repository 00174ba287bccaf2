extension Tensor {
    /// A tensor from flat values and a shape.
    ///
    ///     let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    public convenience init(_ values: [Float], shape: [Int], requiresGrad: Bool = false) {
        guard shape.allSatisfy({ $0 >= 0 }), Tensor.elementCount(shape) == values.count else {
            shapeFailure("Tensor(_:shape:): \(values.count) values cannot fill shape \(shape) (\(Tensor.elementCount(shape)) elements); pass a shape whose product is \(values.count)")
        }
        let storage = values.withUnsafeBufferPointer { TensorStorage(copying: $0.baseAddress!, count: values.count) }
        self.init(shape: shape, storage: storage)
        self.requiresGrad = requiresGrad
    }

    /// A vector.
    ///
    ///     let v = Tensor([1, 2, 3])   // shape [3]
    public convenience init(_ values: [Float], requiresGrad: Bool = false) {
        self.init(values, shape: [values.count], requiresGrad: requiresGrad)
    }

    /// A matrix from rows of equal length.
    ///
    ///     let m = Tensor([[1, 2], [3, 4]])   // shape [2, 2]
    public convenience init(_ rows: [[Float]], requiresGrad: Bool = false) {
        let columns = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == columns }) else {
            shapeFailure("Tensor(rows): rows have different lengths \(rows.map(\.count)); every row needs \(columns) values")
        }
        self.init(rows.flatMap { $0 }, shape: [rows.count, columns], requiresGrad: requiresGrad)
    }

    /// A scalar (rank-0) tensor.
    public convenience init(_ value: Float) { self.init([value], shape: []) }

    /// A tensor of class indices or other integers, stored as floats.
    public convenience init(indices: [Int]) { self.init(indices.map(Float.init), shape: [indices.count]) }

    /// A tensor filled with `value`.
    public static func full(_ shape: [Int], value: Float) -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(repeating: value, count: elementCount(shape)))
    }

    /// A tensor of zeros.
    ///
    ///     let z = Tensor.zeros([2, 3])
    public static func zeros(_ shape: [Int]) -> Tensor { full(shape, value: 0) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { full(shape, value: 1) }

    /// A tensor of zeros shaped like `other`.
    public static func zeros(like other: Tensor) -> Tensor { zeros(other.shape) }

    /// Evenly spaced values in `[start, end)`.
    ///
    ///     Tensor.arange(0, 5)         // [0, 1, 2, 3, 4]
    public static func arange(_ start: Float, _ end: Float, step: Float = 1) -> Tensor {
        guard step != 0 else { shapeFailure("arange: step must not be 0") }
        let n = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor((0..<n).map { start + Float($0) * step }, shape: [n])
    }

    /// `0, 1, …, count − 1`.
    public static func arange(_ count: Int) -> Tensor { arange(0, Float(count)) }

    /// The values as a flat row-major array.
    public var scalars: [Float] { Array(UnsafeBufferPointer(storage.buffer)) }

    /// The single value of a one-element tensor.
    public var item: Float {
        guard count == 1 else { shapeFailure("item: needs a tensor with one element, got shape \(shape); reduce it first (e.g. .sum() or .mean())") }
        return storage.pointer[0]
    }

    /// The rows of a matrix (rank 2), or of a vector as one row.
    public var array: [[Float]] {
        switch rank {
        case 0, 1: return [scalars]
        case 2:
            let columns = shape[1]
            return (0..<shape[0]).map { r in Array(UnsafeBufferPointer(start: pointer + r * columns, count: columns)) }
        default:
            shapeFailure("array: gives the rows of a matrix, got shape \(shape); reshape to two dimensions first")
        }
    }

    /// An independent copy of the values (not connected to the graph).
    public func copy() -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(copying: pointer, count: count))
    }
}
