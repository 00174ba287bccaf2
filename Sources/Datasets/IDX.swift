import Foundation

/// Why an IDX file could not be read.
public struct IDXError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "IDX: \(message)" }
}

/// An array in the IDX format used by MNIST and Fashion-MNIST: unsigned bytes with a shape.
///
///     let images = try IDX.read(contentsOf: url)    // gzip-compressed or plain
///     images.shape                                  // [60000, 28, 28]
public struct IDX: Sendable, Equatable {
    public let shape: [Int]
    public let bytes: [UInt8]

    public init(shape: [Int], bytes: [UInt8]) {
        self.shape = shape
        self.bytes = bytes
    }

    /// Reads a file, decompressing it first when it is gzip data.
    public static func read(contentsOf url: URL) throws -> IDX {
        let data = try Data(contentsOf: url)
        return try parse(Gzip.isCompressed(data) ? Gzip.decompress(data) : [UInt8](data))
    }

    /// Parses IDX bytes: two zero bytes, a type code (only 0x08, unsigned byte, is supported),
    /// the number of dimensions, each dimension as a big-endian 32-bit integer, then the values.
    public static func parse(_ raw: [UInt8]) throws -> IDX {
        guard raw.count >= 4, raw[0] == 0, raw[1] == 0 else { throw IDXError(message: "missing the IDX magic number") }
        guard raw[2] == 0x08 else { throw IDXError(message: "type code 0x\(String(raw[2], radix: 16)) is not supported (only unsigned bytes, 0x08)") }
        let rank = Int(raw[3])
        let headerSize = 4 + 4 * rank
        guard raw.count >= headerSize else { throw IDXError(message: "the header is truncated") }
        let shape = (0..<rank).map { d -> Int in
            let o = 4 + 4 * d
            return Int(raw[o]) << 24 | Int(raw[o + 1]) << 16 | Int(raw[o + 2]) << 8 | Int(raw[o + 3])
        }
        let count = shape.reduce(1, *)
        guard raw.count - headerSize == count else {
            throw IDXError(message: "shape \(shape) needs \(count) values but the file holds \(raw.count - headerSize)")
        }
        return IDX(shape: shape, bytes: Array(raw[headerSize...]))
    }

    /// The IDX encoding of these bytes (for writing test fixtures).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for d in shape { out += [UInt8(d >> 24 & 0xff), UInt8(d >> 16 & 0xff), UInt8(d >> 8 & 0xff), UInt8(d & 0xff)] }
        return out + bytes
    }
}
