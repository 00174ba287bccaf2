import Foundation
import Testing
@testable import DeepLearning
import NumericCore

/// Malformed safetensors files throw a `SafeTensorsError` naming the problem (never trap),
/// every dtype PyTorch writes is read, and loading a module is all or nothing.
extension DeepLearningTests {
@Suite("Safetensors: malformed files, dtypes, atomic loads")
struct SafeTensorsRobustnessTests {
    /// A file with the given header (as JSON text) and data bytes.
    static func file(header: String, data: [UInt8], declaredLength: UInt64? = nil) -> Data {
        var bytes: [UInt8] = []
        let json = Array(header.utf8)
        withUnsafeBytes(of: (declaredLength ?? UInt64(json.count)).littleEndian) { bytes += $0 }
        return Data(bytes + json + data)
    }

    static func message(_ data: Data) -> String? {
        do { _ = try SafeTensors.decode(data); return nil } catch let error as SafeTensorsError { return error.message } catch {
            return "not a SafeTensorsError: \(error)"
        }
    }

    static let eightBytes = [UInt8](repeating: 0, count: 8)

    @Test func eachMalformedHeaderNamesItsProblem() {
        let cases: [(Data, String)] = [
            (Data([1, 2, 3]), "fewer than the 8 of its header length"),
            (Self.file(header: "{}", data: [], declaredLength: 1 << 63), "exceeds the"),
            (Self.file(header: "{\"w\": ", data: []), "not valid JSON"),
            (Self.file(header: "[1, 2]", data: []), "not an object"),
            (Self.file(header: #"{"w":{"dtype":"F32","shape":[-1,-4],"data_offsets":[0,8]}}"#, data: Self.eightBytes), "negative size -1"),
            (Self.file(header: #"{"w":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,8]}}"#, data: Self.eightBytes), "more elements than can be counted"),
            (Self.file(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}"#, data: Self.eightBytes), "past the end of the data"),
            (Self.file(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#, data: Self.eightBytes), "0 ≤ begin ≤ end"),
            (Self.file(header: #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: Self.eightBytes), "needs 12"),
            (Self.file(header: #"{"w":{"dtype":"F16","shape":[2],"data_offsets":[0,8]}}"#, data: Self.eightBytes), "(2 bytes each) needs 4"),
            (Self.file(header: #"{"w":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}}"#, data: Self.eightBytes), "dtype F8_E4M3, which the engine cannot read"),
            (Self.file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: Self.eightBytes), "overlapping"),
            (Self.file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: Self.eightBytes), "unused"),
            (Self.file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: Self.eightBytes), "cover 4 bytes of data but the file holds 8"),
            (Self.file(header: #"{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#, data: Self.eightBytes), "has no shape"),
            (Self.file(header: #"{"a":{"shape":[2],"data_offsets":[0,8]}}"#, data: Self.eightBytes), "has no dtype"),
            (Self.file(header: #"{"a":{"dtype":"F32","shape":[2]}}"#, data: Self.eightBytes), "has no data_offsets"),
            (Self.file(header: #"{"__metadata__":{"k":1}}"#, data: []), "__metadata__ must map strings to strings"),
        ]
        for (data, expected) in cases {
            let message = Self.message(data)
            #expect(message?.contains(expected) == true, "expected “\(expected)”, got \(message ?? "no error")")
        }
    }

    @Test func aMissingFileIsNamedPlainly() {
        let url = URL(fileURLWithPath: "/nonexistent/weights.safetensors")
        do {
            _ = try SafeTensors.read(url)
            Issue.record("read a file that does not exist")
        } catch let error as SafeTensorsError {
            #expect(error.description == "safetensors: there is no file at /nonexistent/weights.safetensors; check the path (relative paths start from \(FileManager.default.currentDirectoryPath))")
        } catch {
            Issue.record("not a SafeTensorsError: \(error)")
        }
        #expect(throws: SafeTensorsError.self) { try Sequential { Linear(2, 2) }.load(from: url) }
    }

    /// Seeded random mutations and truncations of a valid file: decoding must throw or
    /// succeed, never trap (a trap ends the test process).
    @Test func fuzzedFilesNeverTrap() {
        let valid = [UInt8](SafeTensors.encode(["a.weight": Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]), "a.bias": Tensor([0.5, -1]),
                                                "scalar": Tensor(3)], metadata: ["format": "pt"]))
        var generator = SeededGenerator(seed: 17)
        var decoded = 0, refused = 0
        for _ in 0..<3000 {
            var bytes = valid
            switch generator.nextInt(below: 4) {
            case 0:
                bytes = Array(bytes.prefix(generator.nextInt(below: bytes.count)))
            case 1:
                for _ in 0...generator.nextInt(below: 4) {
                    bytes[generator.nextInt(below: bytes.count)] = UInt8(generator.nextInt(below: 256))
                }
            case 2:
                // Mutate a digit or a bracket of the JSON header, where the structure lives.
                let position = 8 + generator.nextInt(below: Int(bytes[0]) + Int(bytes[1]) << 8)
                let replacements = Array("0123456789-[],{}:\"e. ".utf8)
                bytes[position] = replacements[generator.nextInt(below: replacements.count)]
            default:
                let byte = generator.nextInt(below: 8)
                bytes[byte] = UInt8(generator.nextInt(below: 256))
            }
            do { _ = try SafeTensors.decode(Data(bytes)); decoded += 1 } catch is SafeTensorsError { refused += 1 } catch {
                Issue.record("decode threw \(error), not a SafeTensorsError")
            }
        }
        #expect(decoded + refused == 3000)
        #expect(refused > 1000)
    }

    @Test func readsEveryDtypePyTorchWrites() throws {
        let tensors = try SafeTensors.read(PyTorchReferenceTests.Case.fixtureURL("dtypes.safetensors"))
        let reference = PyTorchReferenceTests.Case("dtypes", from: PyTorchReferenceTests.Case.correctness)
        for dtype in ["F16", "BF16", "F64", "F32", "I64", "I32", "I16", "I8", "U8", "BOOL"] {
            PyTorchReferenceTests.expectMatch(tensors[dtype], reference, dtype, .init(relative: 0, absolute: 0))
        }
        #expect(HalfPrecision.float(fromBits: 0x3E00) == 1.5)
        #expect(HalfPrecision.float(fromBits: 0x0001) == Float(sign: .plus, exponent: -24, significand: 1))
        #expect(HalfPrecision.float(fromBits: 0xFC00) == -.infinity)
    }

    @Test func aFailedLoadLeavesTheModelUnchanged() throws {
        let model = Sequential { Linear(2, 3); ReLU(); Linear(3, 1) }
        let before = model.namedState.map { $0.tensor.scalars }
        // 0.weight and 0.bias fit; 2.weight has the wrong shape.
        let file: [String: Tensor] = ["0.weight": Tensor.ones([3, 2]), "0.bias": Tensor.ones([3]),
                                      "2.weight": Tensor.ones([2, 3]), "2.bias": Tensor.ones([1])]
        #expect(throws: SafeTensorsError.self) { try model.load(file) }
        #expect(model.namedState.map { $0.tensor.scalars } == before)
        // A strict load that lacks a tensor changes nothing either.
        #expect(throws: SafeTensorsError.self) { try model.load(["0.weight": Tensor.ones([3, 2])]) }
        #expect(model.namedState.map { $0.tensor.scalars } == before)
    }

    @Test func loadingReportsWhatItUsed() throws {
        let model = Sequential { Linear(2, 3); ReLU(); Linear(3, 1) }
        let file: [String: Tensor] = ["encoder.0.weight": Tensor.ones([3, 2]), "encoder.0.bias": Tensor.ones([3]),
                                      "encoder.2.weight": Tensor.ones([1, 3]), "head.weight": Tensor.ones([5])]
        let report = try model.load(file, strict: false) { name in
            name.hasPrefix("encoder.") ? String(name.dropFirst("encoder.".count)) : nil
        }
        #expect(report == LoadReport(loaded: ["0.weight", "0.bias", "2.weight"], ignored: ["head.weight"], missing: ["2.bias"]))
        #expect(model.namedState[0].tensor.scalars == [1, 1, 1, 1, 1, 1])
    }
}
}
