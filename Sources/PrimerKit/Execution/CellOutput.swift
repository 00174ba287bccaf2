import Foundation

/// Something a cell produced, in the order it produced it.
public enum CellOutput: Equatable, Sendable, Codable {
    /// Text the cell wrote to standard output.
    case stdout(String)
    /// Text the cell wrote to standard error.
    case stderr(String)
    /// A rich output (figure, formula, progress, text), decoded.
    case rich(RichOutput)
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

    /// Everything the cell wrote to standard error.
    public var errorText: String {
        compactMap { if case .stderr(let s) = $0 { return s } else { return nil } }.joined(separator: "\n")
    }

    /// The outputs with each progress task collapsed to its last report, placed where the
    /// task's first report stood: what a page or a finished run shows.
    public var collapsingProgress: [CellOutput] {
        var lastIndex: [String: Int] = [:]
        for (i, item) in enumerated() { if case .rich(.progress(let p)) = item { lastIndex[p.task] = i } }
        var placed: Set<String> = []
        var result: [CellOutput] = []
        for item in self {
            if case .rich(.progress(let p)) = item {
                if placed.insert(p.task).inserted, let last = lastIndex[p.task] { result.append(self[last]) }
                continue
            }
            result.append(item)
        }
        return result
    }
}
