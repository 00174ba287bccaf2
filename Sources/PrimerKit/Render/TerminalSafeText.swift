/// Text a cell printed, made safe to write to the learner's terminal: colours (SGR sequences,
/// `ESC [ … m`) pass through; every other control sequence — cursor movement, screen and line
/// clearing, OSC hyperlinks, window titles and clipboard writes, device queries — and every
/// other control character is shown as visible text instead of being obeyed. Newlines, tabs
/// and carriage returns (a cell's own `\r` progress) are kept.
///
///     TerminalSafeText.neutralising("\u{1B}[31mred\u{1B}[0m\u{1B}[2J")   // "\u{1B}[31mred\u{1B}[0m␛[2J"
///     TerminalSafeText.neutralising("\u{1B}]52;c;aGk=\u{7}")              // "␛]52;c;aGk=␇"
///
/// With `colour: false` (`NO_COLOR`, or not a terminal) SGR sequences are removed as well.
public enum TerminalSafeText {
    private static let escape: Unicode.Scalar = "\u{1B}"

    public static func neutralising(_ text: String, colour: Bool = true) -> String {
        // Fast path: nothing to look at.
        if !text.unicodeScalars.contains(where: needsAttention) { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == escape, i + 1 < scalars.count, scalars[i + 1] == "[", let end = sgrEnd(scalars, from: i + 2) {
                if colour { result.append(contentsOf: scalars[i...end]) }
                i = end + 1
                continue
            }
            result.append(contentsOf: visible(scalar).unicodeScalars)
            i += 1
        }
        return String(result)
    }

    /// The index of the `m` that ends an SGR sequence whose parameters start at `start`, or nil
    /// when the sequence there is not SGR (another final byte, or cut off).
    private static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start
        while j < scalars.count {
            let s = scalars[j]
            if s == "m" { return j }
            guard ("0"..."9").contains(s) || s == ";" || s == ":" else { return nil }
            j += 1
            if j - start > 64 { return nil }
        }
        return nil
    }

    private static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09 && v != 0x0D) || (0x7F...0x9F).contains(v)
    }

    /// A control character as a visible picture: ESC → ␛, BEL → ␇, C1 controls → �.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        guard needsAttention(scalar) else { return String(scalar) }
        if v < 0x20 { return String(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }
}
