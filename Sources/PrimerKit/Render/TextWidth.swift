/// How many terminal columns text takes: East Asian wide and fullwidth characters and most
/// emoji take two, combining marks and zero-width characters none.
///
///     TextWidth.of("损失 loss")   // 9
enum TextWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += of(scalar)
        }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Pads `text` with spaces to `width` columns (never truncates).
    static func pad(_ text: String, to width: Int, alignRight: Bool = false, center: Bool = false) -> String {
        let gap = max(0, width - of(text))
        if center { return String(repeating: " ", count: gap / 2) + text + String(repeating: " ", count: gap - gap / 2) }
        return alignRight ? String(repeating: " ", count: gap) + text : text + String(repeating: " ", count: gap)
    }
}
