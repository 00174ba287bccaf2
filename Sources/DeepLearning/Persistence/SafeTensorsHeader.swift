import Foundation

/// The JSON header of a safetensors file, checked against the spec before any value is read:
/// every entry has a known dtype, a shape of non-negative sizes whose byte count does not
/// overflow, and a byte range inside the data; the ranges, sorted, tile the data exactly
/// (no overlap, no hole), as the format requires.
///
///     let header = try SafeTensorsHeader(parsing: jsonBytes, dataLength: 16)
///     header.entries.map(\.name)   // ["bias", "weight"]
struct SafeTensorsHeader {
    struct Entry {
        let name: String
        let dtype: SafeTensorsDType
        let shape: [Int]
        let count: Int
        /// The entry's bytes, relative to the start of the data section.
        let range: Range<Int>
    }

    let entries: [Entry]
    let metadata: [String: String]

    init(parsing json: Data, dataLength: Int) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw SafeTensorsError(message: "the header is not valid JSON (\(json.count) bytes)")
        }
        guard let header = object as? [String: Any] else {
            throw SafeTensorsError(message: "the header is JSON but not an object mapping tensor names to entries")
        }
        var entries: [Entry] = []
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let pairs = value as? [String: String] else {
                    throw SafeTensorsError(message: "__metadata__ must map strings to strings")
                }
                metadata = pairs
                continue
            }
            entries.append(try Self.entry(name, value, dataLength: dataLength))
        }
        try Self.checkTiling(entries, dataLength: dataLength)
        self.entries = entries.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.metadata = metadata
    }

    private static func entry(_ name: String, _ value: Any, dataLength: Int) throws -> Entry {
        guard let fields = value as? [String: Any] else {
            throw SafeTensorsError(message: "entry \(name) is not an object with dtype, shape and data_offsets")
        }
        guard let dtypeName = fields["dtype"] as? String else {
            throw SafeTensorsError(message: "entry \(name) has no dtype")
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            let known = SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            throw SafeTensorsError(message: "entry \(name) has dtype \(dtypeName), which the engine cannot read (it reads \(known))")
        }
        guard let shape = integers(fields["shape"]) else {
            throw SafeTensorsError(message: "entry \(name) has no shape (a list of whole numbers)")
        }
        if let negative = shape.first(where: { $0 < 0 }) {
            throw SafeTensorsError(message: "entry \(name) has shape \(shape) with a negative size \(negative)")
        }
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw SafeTensorsError(message: "entry \(name): the shape \(shape) holds more elements than can be counted") }
            count = product
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size)
        guard !overflow else { throw SafeTensorsError(message: "entry \(name): the shape \(shape) of \(dtypeName) needs more bytes than can be counted") }
        guard let offsets = integers(fields["data_offsets"]), offsets.count == 2 else {
            throw SafeTensorsError(message: "entry \(name) has no data_offsets (two whole numbers [begin, end])")
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin >= 0, begin <= end else {
            throw SafeTensorsError(message: "entry \(name) has data_offsets \(offsets); they must satisfy 0 ≤ begin ≤ end")
        }
        guard end <= dataLength else {
            throw SafeTensorsError(message: "entry \(name) has data_offsets \(offsets) past the end of the data (\(dataLength) bytes); the file may be truncated")
        }
        guard end - begin == byteCount else {
            throw SafeTensorsError(message: "entry \(name): data_offsets \(offsets) hold \(end - begin) bytes, but shape \(shape) of \(dtypeName) (\(dtype.size) bytes each) needs \(byteCount)")
        }
        return Entry(name: name, dtype: dtype, shape: shape, count: count, range: begin..<end)
    }

    /// The sorted byte ranges must follow one another without overlap or gap and end with the data.
    private static func checkTiling(_ entries: [Entry], dataLength: Int) throws {
        var position = 0
        for entry in entries.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            if entry.range.lowerBound < position {
                throw SafeTensorsError(message: "entry \(entry.name) has data_offsets [\(entry.range.lowerBound), \(entry.range.upperBound)] overlapping the previous tensor's bytes (which end at \(position))")
            }
            if entry.range.lowerBound > position {
                throw SafeTensorsError(message: "entry \(entry.name) starts at byte \(entry.range.lowerBound), leaving bytes \(position)..<\(entry.range.lowerBound) of the data unused; the offsets must tile the data")
            }
            position = entry.range.upperBound
        }
        guard position == dataLength else {
            throw SafeTensorsError(message: "the tensors cover \(position) bytes of data but the file holds \(dataLength) after the header")
        }
    }

    /// A JSON list of whole numbers that fit an `Int`, or nil.
    private static func integers(_ value: Any?) -> [Int]? {
        guard let list = value as? [Any] else { return nil }
        var result: [Int] = []
        for element in list {
            guard let number = element as? NSNumber else { return nil }
            let double = number.doubleValue
            guard double.rounded() == double, abs(double) < 9.0e15 else { return nil }
            result.append(number.intValue)
        }
        return result
    }
}
