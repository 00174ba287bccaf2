// The one file that talks to zlib. Everything above it sees `[UInt8]` and Swift errors.
import CZlib
import Foundation

/// Why gzip data could not be read.
public struct GzipError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "gzip: \(message)" }
}

/// Gzip decompression through zlib.
///
///     let bytes = try Gzip.decompress(Data(contentsOf: url))
public enum Gzip {
    /// Whether `data` starts with the gzip magic bytes.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes of a gzip stream (concatenated members included).
    public static func decompress(_ data: Data) throws -> [UInt8] {
        var input = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError(message: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunkSize - Int(stream.avail_out))])
                switch status {
                case Z_STREAM_END:
                    if stream.avail_in == 0 { return }
                    guard inflateReset(&stream) == Z_OK else { throw GzipError(message: "could not read the next gzip member") }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in > 0 || stream.avail_out == 0:
                    continue  // no progress possible this round, but input or output space remains
                default:
                    throw GzipError(message: "corrupt or truncated data (zlib status \(status))")
                }
            }
        }
        return output
    }
}
