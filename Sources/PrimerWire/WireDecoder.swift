import Foundation

/// Splits one output stream of a running chapter into plain bytes and `WireRecord`s,
/// incrementally: feed it chunks as they arrive from a pipe, in any sizes.
///
///     var decoder = WireDecoder(token: token)
///     for event in decoder.feed(chunk) { … }      // .bytes(Data) or .record(WireRecord)
///     for event in decoder.finish() { … }
///
/// Bytes that look like a record but carry another token, or are malformed, are passed
/// through as plain bytes. A record line longer than `maxRecordBytes` is dropped and reported
/// as `.oversizedRecord`, so memory stays bounded whatever the child prints.
public struct WireDecoder {
    public enum Event: Equatable {
        case bytes(Data)
        case record(WireRecord)
        case oversizedRecord(byteCount: Int)
    }

    private let head: [UInt8]
    private let maxRecordBytes: Int
    /// Bytes that may be the start of a record, held until we know.
    private var pending: [UInt8] = []
    /// True while inside a record (the full head has been seen, waiting for the newline).
    private var inRecord = false
    private var recordOverflow = 0

    public init(token: String, maxRecordBytes: Int = 32 << 20) {
        head = [WireRecord.marker] + Array((WireRecord.prefix + token + ":").utf8)
        self.maxRecordBytes = maxRecordBytes
    }

    /// Decodes the next chunk of the stream.
    public mutating func feed(_ chunk: Data) -> [Event] {
        var events: [Event] = []
        var plain: [UInt8] = []
        func flushPlain() {
            if !plain.isEmpty { events.append(.bytes(Data(plain))); plain.removeAll(keepingCapacity: true) }
        }
        for byte in chunk {
            if inRecord {
                if byte == 0x0A {
                    flushPlain()
                    if recordOverflow > 0 {
                        events.append(.oversizedRecord(byteCount: recordOverflow + pending.count))
                    } else {
                        let body = String(decoding: pending[head.count...], as: UTF8.self)
                        if let record = WireRecord.decode(body: Substring(body)) {
                            events.append(.record(record))
                        } else {
                            plain.append(contentsOf: pending); plain.append(byte)
                        }
                    }
                    pending.removeAll(keepingCapacity: true); inRecord = false; recordOverflow = 0
                } else if pending.count >= maxRecordBytes {
                    recordOverflow += 1
                } else {
                    pending.append(byte)
                }
                continue
            }
            if !pending.isEmpty || byte == WireRecord.marker {
                pending.append(byte)
                let n = pending.count
                if pending[n - 1] != head[n - 1] {
                    // Not a record after all: release the held bytes, but a fresh marker byte
                    // may start a new candidate.
                    let last = pending.removeLast()
                    plain.append(contentsOf: pending); pending.removeAll(keepingCapacity: true)
                    if last == WireRecord.marker { pending.append(last) } else { plain.append(last) }
                } else if n == head.count {
                    inRecord = true
                }
                continue
            }
            plain.append(byte)
        }
        flushPlain()
        return events
    }

    /// Ends the stream: whatever is held back is released as plain bytes (an unfinished record
    /// — the child died mid-write — is dropped).
    public mutating func finish() -> [Event] {
        defer { pending.removeAll(); inRecord = false }
        if inRecord || pending.isEmpty { return [] }
        return [.bytes(Data(pending))]
    }
}
