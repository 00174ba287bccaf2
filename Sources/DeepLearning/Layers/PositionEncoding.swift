import Foundation

/// The fixed sine/cosine position encoding of Vaswani et al. (2017), added to `[N, T, dimension]`
/// input: position `p`, feature `2i` gets `sin(p / 10000^(2i/dimension))`, feature `2i + 1`
/// the cosine of the same angle. It has no parameters, and the table is not saved with the model.
///
///     let encode = SinusoidalPositionEncoding(dimension: 128, length: 256)
///     let x = encode(embed(tokens))     // [N, T, 128], T ≤ 256
public final class SinusoidalPositionEncoding: Layer {
    public let dimension: Int, length: Int
    /// `[length · dimension]`, row-major; a plain array so that reflection does not save it.
    private let table: [Float]

    public init(dimension: Int, length: Int) {
        self.dimension = dimension; self.length = length
        var values = [Float](repeating: 0, count: length * dimension)
        for position in 0..<length {
            for feature in 0..<dimension {
                let pair = Double(feature - feature % 2)
                let angle = Double(position) / Foundation.pow(10_000, pair / Double(dimension))
                values[position * dimension + feature] = Float(feature % 2 == 0 ? Foundation.sin(angle) : Foundation.cos(angle))
            }
        }
        table = values
    }

    /// The encodings of the first `steps` positions, `[steps, dimension]`.
    public func encodings(_ steps: Int) -> Tensor {
        guard steps <= length else { shapeFailure(ShapeMessages.sequenceTooLong("\(self)", length: steps, maximum: length)) }
        return Tensor(Array(table[0..<(steps * dimension)]), shape: [steps, dimension])
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        PositionEncodingCheck.input(input, dimension: dimension, layer: "\(self)")
        return input + encodings(input.shape[1])
    }

    public var description: String { "SinusoidalPositionEncoding(dimension: \(dimension), length: \(length))" }
}

/// A learned position encoding: one trainable vector per position (`weight`, `[length,
/// dimension]`, drawn from N(0, 0.02²) as GPT-2 does), added to `[N, T, dimension]` input.
///
///     let encode = LearnedPositionEncoding(length: 64, dimension: 128)
///     let x = encode(embed(tokens))     // [N, T, 128], T ≤ 64
public final class LearnedPositionEncoding: Layer {
    public let weight: Tensor
    public let length: Int, dimension: Int

    public init(length: Int, dimension: Int) {
        self.length = length; self.dimension = dimension
        weight = Tensor.randomNormal([length, dimension], standardDeviation: 0.02).asParameter()
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        PositionEncodingCheck.input(input, dimension: dimension, layer: "\(self)")
        let steps = input.shape[1]
        guard steps <= length else { shapeFailure(ShapeMessages.sequenceTooLong("\(self)", length: steps, maximum: length)) }
        return input + (steps == length ? weight : weight.slice(axis: 0, 0..<steps))
    }

    public var description: String { "LearnedPositionEncoding(length: \(length), dimension: \(dimension))" }
}

extension SinusoidalPositionEncoding: OneLineLayer {}
extension LearnedPositionEncoding: OneLineLayer {}

/// The input check both position encodings share.
enum PositionEncodingCheck {
    static func input(_ input: Tensor, dimension: Int, layer: String) {
        guard input.rank == 3, input.shape[2] == dimension else {
            shapeFailure(ShapeMessages.attentionInput(layer, embedding: dimension, got: input.shape))
        }
    }
}
