import Foundation
import Testing
import PrimerWire

@Suite struct WireDecoderTests {
    let token = "0123456789abcdef0123456789abcdef"

    func decodeAll(_ stream: [UInt8], chunkSizes: [Int]) -> (text: String, records: [WireRecord]) {
        var decoder = WireDecoder(token: token)
        var text = Data(), records: [WireRecord] = []
        var offset = 0, k = 0
        func take(_ events: [WireDecoder.Event]) {
            for e in events {
                switch e {
                case .bytes(let d): text.append(d)
                case .record(let r): records.append(r)
                case .oversizedRecord: break
                }
            }
        }
        while offset < stream.count {
            let size = max(1, chunkSizes[k % chunkSizes.count]); k += 1
            let end = min(stream.count, offset + size)
            take(decoder.feed(Data(stream[offset..<end])))
            offset = end
        }
        take(decoder.finish())
        return (String(decoding: text, as: UTF8.self), records)
    }

    @Test func recordsAreFoundAtAnyChunking() {
        let payload = Data("{\"a\":1}".utf8)
        let stream = "hello\n" + WireRecord.cellBegan(2).encoded(token: token) + "partial line "
            + WireRecord.rich(kind: "figure", payload: payload).encoded(token: token) + "tail\u{1E}x\n"
            + WireRecord.cellEnded(2).encoded(token: token)
        for sizes in [[1], [2, 3], [7], [1000], [5, 1, 13]] {
            let (text, records) = decodeAll(Array(stream.utf8), chunkSizes: sizes)
            #expect(text == "hello\npartial line tail\u{1E}x\n", "chunks \(sizes)")
            #expect(records == [.cellBegan(2), .rich(kind: "figure", payload: payload), .cellEnded(2)], "chunks \(sizes)")
        }
    }

    @Test func aRecordWithAnotherTokenIsPlainText() {
        let forged = WireRecord.cellBegan(9).encoded(token: "ffffffffffffffffffffffffffffffff")
        let (text, records) = decodeAll(Array(("a" + forged + "b").utf8), chunkSizes: [3])
        #expect(records.isEmpty)
        #expect(text == "a" + forged + "b")
    }

    @Test func malformedRecordWithTheTokenIsPlainText() {
        let line = "\u{1E}primer:\(token):Z:1\n"
        let (text, records) = decodeAll(Array(line.utf8), chunkSizes: [4])
        #expect(records.isEmpty && text == line)
    }

    @Test func oversizedRecordsAreDroppedWithBoundedMemory() {
        var decoder = WireDecoder(token: token, maxRecordBytes: 64)
        var events = decoder.feed(Data(("\u{1E}primer:\(token):R:text:" + String(repeating: "A", count: 10_000) + "\nafter").utf8))
        events += decoder.finish()
        #expect(events.contains { if case .oversizedRecord = $0 { return true } else { return false } })
        #expect(events.last == .bytes(Data("after".utf8)))
    }

    @Test func tokensAreRandom() {
        #expect(WireRecord.makeToken() != WireRecord.makeToken())
        #expect(WireRecord.makeToken().count == 32)
    }
}
