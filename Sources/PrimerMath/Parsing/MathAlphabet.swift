/// The letter styles of `\mathbb`, `\mathcal`, `\mathbf`, … as Unicode mathematical
/// alphanumeric symbols, because browsers ignore `mathvariant` other than `normal`.
///
/// ```swift
/// MathAlphabet.doubleStruck.styled("E")   // "𝔼"
/// MathAlphabet.doubleStruck.styled("R")   // "ℝ" (the BMP character)
/// ```
enum MathAlphabet: Equatable {
    /// `\mathrm`, `\operatorname`: upright letters, unchanged characters.
    case roman
    case bold
    case italic
    case boldItalic
    case script
    case fraktur
    case doubleStruck
    case sansSerif
    case monospace

    /// The style named by a font command, such as `mathbb`.
    static func named(_ command: String) -> MathAlphabet? {
        switch command {
        case "mathrm", "mathup": return .roman
        case "mathbf": return .bold
        case "mathit": return .italic
        case "boldsymbol", "bm": return .boldItalic
        case "mathcal", "mathscr": return .script
        case "mathfrak": return .fraktur
        case "mathbb": return .doubleStruck
        case "mathsf": return .sansSerif
        case "mathtt": return .monospace
        default: return nil
        }
    }

    /// First code points of the capital Latin, small Latin, digit and capital/small Greek blocks.
    private var starts: (upper: UInt32?, lower: UInt32?, digit: UInt32?, greekUpper: UInt32?, greekLower: UInt32?) {
        switch self {
        case .roman: return (nil, nil, nil, nil, nil)
        case .bold: return (0x1D400, 0x1D41A, 0x1D7CE, 0x1D6A8, 0x1D6C2)
        case .italic: return (0x1D434, 0x1D44E, nil, 0x1D6E2, 0x1D6FC)
        case .boldItalic: return (0x1D468, 0x1D482, 0x1D7CE, 0x1D71C, 0x1D736)
        case .script: return (0x1D49C, 0x1D4B6, nil, nil, nil)
        case .fraktur: return (0x1D504, 0x1D51E, nil, nil, nil)
        case .doubleStruck: return (0x1D538, 0x1D552, 0x1D7D8, nil, nil)
        case .sansSerif: return (0x1D5A0, 0x1D5BA, 0x1D7E2, nil, nil)
        case .monospace: return (0x1D670, 0x1D68A, 0x1D7F6, nil, nil)
        }
    }

    /// Letters whose styled form lives in the Basic Multilingual Plane (the "holes" in the block).
    private var exceptions: [Character: Character] {
        switch self {
        case .italic: return ["h": "ℎ"]
        case .script:
            return ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                    "e": "ℯ", "g": "ℊ", "o": "ℴ"]
        case .fraktur: return ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]
        case .doubleStruck: return ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        default: return [:]
        }
    }

    /// The styled form of one character; characters the style has no form for are unchanged.
    func styled(_ character: Character) -> Character {
        if let exception = exceptions[character] { return exception }
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        let value = scalar.value
        let starts = self.starts
        let offset: UInt32?
        switch value {
        case 0x41...0x5A: offset = starts.upper.map { $0 + value - 0x41 }
        case 0x61...0x7A: offset = starts.lower.map { $0 + value - 0x61 }
        case 0x30...0x39: offset = starts.digit.map { $0 + value - 0x30 }
        case 0x391...0x3A9 where value != 0x3A2: offset = starts.greekUpper.map { $0 + value - 0x391 }
        case 0x3B1...0x3C9: offset = starts.greekLower.map { $0 + value - 0x3B1 }
        default: offset = nil
        }
        guard let code = offset, let styled = Unicode.Scalar(code) else { return character }
        return Character(styled)
    }

    /// The styled form of a string, character by character.
    func styled(_ text: String) -> String { String(text.map(styled)) }
}
