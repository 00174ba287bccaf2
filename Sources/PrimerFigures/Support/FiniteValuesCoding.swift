/// Stores an array of floating-point values and encodes NaN and infinities as JSON `null`
/// (which JSON cannot otherwise carry), decoding `null` back to NaN. Renderers skip non-finite
/// values, so a chart with a diverged loss still travels and still draws.
///
///     struct Series: Codable { @FiniteValuesCoding var values: [Double] }
@propertyWrapper
public struct FiniteValuesCoding<Value: BinaryFloatingPoint & Codable & Sendable>: Codable, Equatable, Sendable {
    public var wrappedValue: [Value]

    public init(wrappedValue: [Value]) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        let optionals = try decoder.singleValueContainer().decode([Value?].self)
        wrappedValue = optionals.map { $0 ?? .nan }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.map { $0.isFinite ? $0 : nil })
    }
}
