/// Unaligned loads and stores of eight floats, for kernels written with `SIMD8<Float>` where
/// the auto-vectoriser gives up (square roots, many pointers that might alias).
///
///     let x = SIMDAccess.load(p + i)
///     SIMDAccess.store(x * 2, p + i)
enum SIMDAccess {
    typealias Lanes = SIMD8<Float>
    static let width = 8

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Lanes { load(UnsafePointer(pointer)) }

    @inline(__always)
    static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
    }
}
