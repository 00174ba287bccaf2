/// Elementwise operations of two operands with their partial derivatives, as types so that
/// `Tensor.binary` is specialised for each one and its loops (forward and backward) compile
/// to straight-line, vectorisable code instead of a closure call per element.
///
///     let sum = Tensor.binary(a, b, Addition.self)
protocol BinaryOperator {
    static var name: String { get }
    static func apply(_ a: Float, _ b: Float) -> Float
    /// ∂y/∂a and ∂y/∂b from the operands and the result.
    static func derivativeA(_ a: Float, _ b: Float, _ y: Float) -> Float
    static func derivativeB(_ a: Float, _ b: Float, _ y: Float) -> Float
    /// The derivatives when they are constants (addition, subtraction): the backward pass
    /// then scales and reduces the incoming gradient without reading the operands.
    static var constantDerivatives: (a: Float, b: Float)? { get }
}

extension BinaryOperator {
    static var constantDerivatives: (a: Float, b: Float)? { nil }
}

enum Addition: BinaryOperator {
    static let name = "+"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) static func derivativeA(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 }
    @inline(__always) static func derivativeB(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 }
    static var constantDerivatives: (a: Float, b: Float)? { (1, 1) }
}

enum Subtraction: BinaryOperator {
    static let name = "-"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) static func derivativeA(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 }
    @inline(__always) static func derivativeB(_ a: Float, _ b: Float, _ y: Float) -> Float { -1 }
    static var constantDerivatives: (a: Float, b: Float)? { (1, -1) }
}

enum Multiplication: BinaryOperator {
    static let name = "*"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) static func derivativeA(_ a: Float, _ b: Float, _ y: Float) -> Float { b }
    @inline(__always) static func derivativeB(_ a: Float, _ b: Float, _ y: Float) -> Float { a }
}

enum Division: BinaryOperator {
    static let name = "/"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    @inline(__always) static func derivativeA(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 / b }
    @inline(__always) static func derivativeB(_ a: Float, _ b: Float, _ y: Float) -> Float { -a / (b * b) }
}

/// The larger operand; the gradient goes to the larger one, and is split in halves on ties
/// (PyTorch's `torch.maximum`).
enum Maximum: BinaryOperator {
    static let name = "maximum"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Swift.max(a, b) }
    @inline(__always) static func derivativeA(_ a: Float, _ b: Float, _ y: Float) -> Float { a > b ? 1 : (a == b ? 0.5 : 0) }
    @inline(__always) static func derivativeB(_ a: Float, _ b: Float, _ y: Float) -> Float { a < b ? 1 : (a == b ? 0.5 : 0) }
}
