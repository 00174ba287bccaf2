/// A lookup table of learned vectors: integer indices in, vectors out.
///
///     let embed = Embedding(1000, 32)
///     let vectors = embed(Tensor(indices: [4, 17, 4]))   // [3, 32]
///     let sequences = embed(tokens)                       // [N, T] → [N, T, 32]
public final class Embedding: Layer {
    public let weight: Tensor
    public let count: Int, dimension: Int

    public init(_ count: Int, _ dimension: Int) {
        self.count = count; self.dimension = dimension
        weight = Tensor.randomNormal([count, dimension]).asParameter()
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        let indices = input.indices
        if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
            shapeFailure("\(self): index \(bad) is out of range 0..<\(count); the table needs a row for every index (use Embedding(\(bad + 1), \(dimension)) or more)")
        }
        return weight.rows(indices).reshaped(input.shape + [dimension])
    }

    public var description: String { "Embedding(\(count), \(dimension))" }
}
