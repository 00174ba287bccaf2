/// The element types a safetensors file may declare, with their sizes and how one stored
/// element becomes a `Float` (the engine computes in `Float` only). Integer and boolean
/// tensors (PyTorch's `num_batches_tracked`, masks) convert exactly up to 2²⁴ and are rounded
/// beyond; `F64` is rounded to the nearest `Float`.
///
///     SafeTensorsDType(rawValue: "BF16")?.size   // 2
enum SafeTensorsDType: String, CaseIterable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
    case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8", bool = "BOOL"

    /// Bytes per element.
    var size: Int {
        switch self {
        case .f64, .i64, .u64: return 8
        case .f32, .i32, .u32: return 4
        case .f16, .bf16, .i16, .u16: return 2
        case .i8, .u8, .bool: return 1
        }
    }

    /// The element stored little-endian at `bytes[offset...]`, as a `Float`.
    func value(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Float {
        func unsigned(_ count: Int) -> UInt64 {
            var bits: UInt64 = 0
            for k in 0..<count { bits |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
            return bits
        }
        switch self {
        case .f64: return Float(Double(bitPattern: unsigned(8)))
        case .f32: return Float(bitPattern: UInt32(unsigned(4)))
        case .f16: return HalfPrecision.float(fromBits: UInt16(unsigned(2)))
        case .bf16: return Float(bitPattern: UInt32(unsigned(2)) << 16)
        case .i64: return Float(Int64(bitPattern: unsigned(8)))
        case .i32: return Float(Int32(bitPattern: UInt32(unsigned(4))))
        case .i16: return Float(Int16(bitPattern: UInt16(unsigned(2))))
        case .i8: return Float(Int8(bitPattern: UInt8(unsigned(1))))
        case .u64: return Float(unsigned(8))
        case .u32, .u16, .u8: return Float(unsigned(size))
        case .bool: return unsigned(1) == 0 ? 0 : 1
        }
    }
}

/// IEEE 754 half precision (binary16) to `Float`, written out so that it works wherever
/// Swift's `Float16` is unavailable.
enum HalfPrecision {
    ///     HalfPrecision.float(fromBits: 0x3E00)   // 1.5
    static func float(fromBits bits: UInt16) -> Float {
        let sign = UInt32(bits >> 15) << 31
        let exponent = UInt32(bits >> 10) & 0x1F
        let fraction = UInt32(bits) & 0x3FF
        if exponent == 0x1F {   // infinity or NaN
            return Float(bitPattern: sign | 0x7F80_0000 | fraction << 13)
        }
        if exponent == 0 {      // zero or subnormal: fraction · 2⁻²⁴
            let magnitude = Float(fraction) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        }
        return Float(bitPattern: sign | (exponent + 112) << 23 | fraction << 13)
    }
}
