import Foundation

/// Why a safetensors file could not be read or applied; `message` names the problem (the
/// entry, the offsets, the shape) and, where there is one, the fix.
public struct SafeTensorsError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "safetensors: \(message)" }
}

/// The safetensors format: an 8-byte little-endian header length, a JSON header mapping each
/// name to its dtype, shape and byte range, then the raw little-endian values. Writing gives
/// `F32`; reading accepts F64, F32, F16, BF16, the signed and unsigned integers and BOOL,
/// converted to `Float` (see `SafeTensorsDType`). A malformed or truncated file throws a
/// `SafeTensorsError`; it never traps.
///
///     let bytes = SafeTensors.encode(["w": Tensor([1, 2])])
///     let tensors = try SafeTensors.decode(bytes)      // ["w": Tensor [2] [1, 2]]
public enum SafeTensors {
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            let t = tensors[name]!
            header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + 4 * t.count]] as [String: Any]
            offset += 4 * t.count
        }
        var json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var data = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for name in names {
            let t = tensors[name]!
            t.withUnsafeBufferPointer { values in
                for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            }
        }
        return data
    }

    /// The tensors of a safetensors file's bytes, every dtype converted to `Float`.
    public static func decode(_ data: Data) throws -> [String: Tensor] {
        try data.withUnsafeBytes { bytes in
            guard bytes.count >= 8 else {
                throw SafeTensorsError(message: "the file has \(bytes.count) bytes, fewer than the 8 of its header length; it is truncated or not a safetensors file")
            }
            var declared: UInt64 = 0
            for k in 0..<8 { declared |= UInt64(bytes[k]) << (8 * UInt64(k)) }
            guard declared <= UInt64(bytes.count - 8) else {
                throw SafeTensorsError(message: "the header length \(declared) exceeds the \(bytes.count - 8) bytes after it; the file is truncated or not a safetensors file")
            }
            let headerLength = Int(declared), body = 8 + headerLength
            let header = try SafeTensorsHeader(parsing: Data(bytes[8..<body]), dataLength: bytes.count - body)
            var result: [String: Tensor] = [:]
            for entry in header.entries {
                var values = [Float](repeating: 0, count: entry.count)
                let start = body + entry.range.lowerBound, size = entry.dtype.size
                #if _endian(little)
                if entry.dtype == .f32 {
                    // The file's little-endian floats are the machine's: one copy.
                    values.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + 4 * entry.count)])) }
                    result[entry.name] = Tensor(values, shape: entry.shape)
                    continue
                }
                #endif
                for i in 0..<entry.count { values[i] = entry.dtype.value(bytes, at: start + i * size) }
                result[entry.name] = Tensor(values, shape: entry.shape)
            }
            return result
        }
    }

    /// The tensors of the safetensors file at `url`; a missing or unreadable file throws a
    /// `SafeTensorsError` naming the path.
    ///
    ///     let state = try SafeTensors.read(URL(fileURLWithPath: "model.safetensors"))
    public static func read(_ url: URL) throws -> [String: Tensor] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw SafeTensorsError(message: exists
                ? "cannot read \(url.path) (permissions, or a folder?)"
                : "there is no file at \(url.path); check the path (relative paths start from \(FileManager.default.currentDirectoryPath))")
        }
        do {
            return try decode(data)
        } catch let error as SafeTensorsError {
            throw SafeTensorsError(message: "\(url.lastPathComponent): \(error.message)")
        }
    }
}
