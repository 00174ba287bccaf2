import Foundation

/// One record a running chapter sends to the runner, in band with what it prints.
///
/// Records travel on the child's stdout and stderr as single lines,
/// `ESC "primer:" TOKEN ":" KIND ":" ARGUMENT "\n"` where `ESC` is U+001E and `TOKEN` is a
/// per-run random secret that only the cell module knows (it reads it from a pipe the runner
/// closes right after), so nothing a cell prints can forge a record.
///
///     let line = WireRecord.cellBegan(3).encoded(token: "4f0c…")   // "\u{1E}primer:4f0c…:B:3\n"
public enum WireRecord: Equatable, Sendable {
    /// The cell with this index starts; everything up to the next record belongs to it.
    case cellBegan(Int)
    /// The cell with this index ran to its end.
    case cellEnded(Int)
    /// A rich output of some kind (`figure`, `math`, `progress`, `epoch`, `text`), its payload
    /// UTF-8 JSON (or plain text for `math`/`text`).
    case rich(kind: String, payload: Data)
    /// The text of the chapter's inline value with this index (`` `{swift} …` `` in prose).
    case value(Int, text: String)

    /// The byte that starts every record.
    public static let marker: UInt8 = 0x1E
    /// What follows the marker byte before the token.
    public static let prefix = "primer:"

    /// The record as the line a running chapter writes.
    public func encoded(token: String) -> String {
        let head = "\u{1E}\(Self.prefix)\(token):"
        switch self {
        case .cellBegan(let i): return head + "B:\(i)\n"
        case .cellEnded(let i): return head + "E:\(i)\n"
        case .rich(let kind, let payload): return head + "R:\(kind):" + payload.base64EncodedString() + "\n"
        case .value(let i, let text): return head + "V:\(i):" + Data(text.utf8).base64EncodedString() + "\n"
        }
    }

    /// Parses the part of a record line after `ESC primer:TOKEN:` (without the newline).
    public static func decode(body: Substring) -> WireRecord? {
        let parts = body.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard let tag = parts.first else { return nil }
        switch tag {
        case "B": return parts.count == 2 ? Int(parts[1]).map(WireRecord.cellBegan) : nil
        case "E": return parts.count == 2 ? Int(parts[1]).map(WireRecord.cellEnded) : nil
        case "R":
            guard parts.count == 3, !parts[1].isEmpty, let data = Data(base64Encoded: String(parts[2])) else { return nil }
            return .rich(kind: String(parts[1]), payload: data)
        case "V":
            guard parts.count == 3, let i = Int(parts[1]), let data = Data(base64Encoded: String(parts[2])) else { return nil }
            return .value(i, text: String(decoding: data, as: UTF8.self))
        default: return nil
        }
    }

    /// A fresh random token: 32 lowercase hex digits.
    public static func makeToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", g.next() as UInt64) }.joined()
    }
}
