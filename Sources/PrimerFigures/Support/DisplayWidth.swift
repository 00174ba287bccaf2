/// How many terminal columns a string occupies: East Asian wide and fullwidth characters
/// (CJK ideographs, Hangul, kana, fullwidth forms) and emoji count as two, combining marks
/// and zero-width joiners as zero, everything else as one.
///
///     displayWidth("loss")   // 4
///     displayWidth("损失")    // 4
public func displayWidth(_ text: String) -> Int {
    text.reduce(0) { $0 + displayWidth(of: $1) }
}

/// The column width of one grapheme cluster (0, 1 or 2).
func displayWidth(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation
    if first.properties.isEmojiPresentation { return 2 }
    let value = first.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if first.properties.generalCategory == .nonspacingMark
        || first.properties.generalCategory == .enclosingMark
        || value == 0x200B || value == 0x200D { return 0 }
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
}

/// Code-point ranges that terminals draw two columns wide (after Unicode's East Asian Width
/// property, values W and F).
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,   // Hangul Jamo initial consonants
    0x2E80...0x303E,   // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    0x3400...0x4DBF,   // CJK unified ideographs extension A
    0x4E00...0x9FFF,   // CJK unified ideographs
    0xA000...0xA4CF,   // Yi syllables and radicals
    0xA960...0xA97F,   // Hangul Jamo extended A
    0xAC00...0xD7A3,   // Hangul syllables
    0xF900...0xFAFF,   // CJK compatibility ideographs
    0xFE10...0xFE19,   // vertical forms
    0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
    0xFF00...0xFF60,   // fullwidth forms
    0xFFE0...0xFFE6,   // fullwidth signs
    0x1F300...0x1F64F, // pictographs and emoticons
    0x1F900...0x1F9FF, // supplemental symbols and pictographs
    0x20000...0x2FFFD, // CJK extension B and beyond
    0x30000...0x3FFFD, // CJK extension G and beyond
]

extension String {
    /// The longest prefix that fits in `columns` display columns; an ellipsis marks a cut.
    ///
    ///     "validation".truncated(toWidth: 6)   // "valid…"
    func truncated(toWidth columns: Int) -> String {
        guard displayWidth(self) > columns else { return self }
        guard columns > 0 else { return "" }
        var result = ""
        var used = 0
        for character in self {
            let w = displayWidth(of: character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads with spaces to `columns` display columns, placing the text as `alignment` says.
    func padded(toWidth columns: Int, alignment: Table.Alignment = .left) -> String {
        let text = truncated(toWidth: columns)
        let missing = max(0, columns - displayWidth(text))
        switch alignment {
        case .left: return text + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
        }
    }
}
