import Foundation

/// Something a cell produced, in the order it produced it.
public enum CellOutput: Equatable, Sendable, Codable {
    /// Text the cell wrote to standard output.
    case stdout(String)
    /// Text the cell wrote to standard error.
    case stderr(String)
    /// A rich output: its kind (`figure`, `math`, `progress`, `text`) and payload.
    case rich(kind: String, payload: Data)
    /// A note from Primer itself (e.g. that output was truncated).
    case note(String)
}

extension Array where Element == CellOutput {
    /// Appends text, merging it into the previous item when that is the same stream.
    mutating func appendText(_ text: String, stderr: Bool) {
        guard !text.isEmpty else { return }
        switch (last, stderr) {
        case (.stdout(let previous)?, false): self[count - 1] = .stdout(previous + text)
        case (.stderr(let previous)?, true): self[count - 1] = .stderr(previous + text)
        default: append(stderr ? .stderr(text) : .stdout(text))
        }
    }

    /// Everything the cell printed to standard output, for comparison with its `output` block.
    public var printedText: String {
        compactMap { if case .stdout(let s) = $0 { return s } else { return nil } }.joined()
    }
}
