import Foundation

/// Why a safetensors file could not be read or applied.
public struct SafeTensorsError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "safetensors: \(message)" }
}

/// The safetensors format: an 8-byte little-endian header length, a JSON header mapping each
/// name to its dtype, shape and byte range, then the raw little-endian values. Only `F32` is
/// written or read.
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

    public static func decode(_ data: Data) throws -> [String: Tensor] {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw SafeTensorsError(message: "the file is shorter than its 8-byte header length") }
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        guard headerLength <= bytes.count - 8,
              let header = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any] else {
            throw SafeTensorsError(message: "the JSON header is missing or malformed")
        }
        let body = 8 + headerLength
        var result: [String: Tensor] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2 else {
                throw SafeTensorsError(message: "entry \(name) lacks dtype, shape or data_offsets")
            }
            guard dtype == "F32" else { throw SafeTensorsError(message: "entry \(name) has dtype \(dtype); only F32 is supported") }
            let count = shape.reduce(1, *)
            guard offsets[1] - offsets[0] == 4 * count, body + offsets[1] <= bytes.count else {
                throw SafeTensorsError(message: "entry \(name): byte range \(offsets) does not hold shape \(shape)")
            }
            var values = [Float](repeating: 0, count: count)
            for i in 0..<count {
                let o = body + offsets[0] + 4 * i
                let bits = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
                values[i] = Float(bitPattern: bits)
            }
            result[name] = Tensor(values, shape: shape)
        }
        return result
    }
}

extension Module {
    /// Every tensor the module holds (parameters and state such as batch-norm running
    /// statistics) by dotted path: what `save(to:)` writes.
    public var namedState: [(name: String, tensor: Tensor)] {
        var found: [(String, Tensor)] = []
        ModuleReflection.visit(self) { path, value in
            if let tensor = value as? Tensor { found.append((path, tensor)) }
        }
        return found
    }

    /// Writes the module's tensors to a safetensors file.
    ///
    ///     try model.save(to: URL(fileURLWithPath: "model.safetensors"))
    public func save(to url: URL) throws {
        try SafeTensors.encode(Dictionary(uniqueKeysWithValues: namedState.map { ($0.name, $0.tensor) })).write(to: url)
    }

    /// Reads tensors saved by `save(to:)` into this module, matching dotted names and shapes.
    /// With `strict`, every tensor of the module must be in the file.
    public func load(from url: URL, strict: Bool = true) throws {
        let saved = try SafeTensors.decode(Data(contentsOf: url))
        for (name, tensor) in namedState {
            guard let stored = saved[name] else {
                if strict { throw SafeTensorsError(message: "the file has no tensor named \(name); it holds \(saved.keys.sorted())") }
                continue
            }
            guard stored.shape == tensor.shape else {
                throw SafeTensorsError(message: "\(name) has shape \(stored.shape) in the file but \(tensor.shape) in the model")
            }
            tensor.assign(stored)
        }
    }
}
