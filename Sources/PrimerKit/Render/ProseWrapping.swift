/// Breaks a paragraph into terminal lines, in English and in Chinese alike.
///
/// Words are separated where the text has spaces; a run of East Asian wide characters (汉字,
/// kana, full-width punctuation) has no spaces, so a line may break between any two of its
/// characters, and they join without a space. Closing punctuation (`,` `.` `)` `，` `。` `）` …)
/// never starts a line, and opening punctuation (`（` `「` `“` …) never ends one. Widths count wide characters as two columns.
///
///     var words = ProseWords()
///     words.add(text: "卷积神经网络 (CNN) shares its kernels.")
///     words.wrapped(width: 12)   // ["卷积神经网络", "(CNN) shares", "its kernels."]
struct ProseWords {
    struct Word {
        var text: String
        /// Written right after the previous word, without a space.
        var joinsPrevious: Bool
        /// A single wide character: a line may break before or after it.
        var isWide: Bool
    }

    private(set) var words: [Word] = []
    /// A space (or the paragraph's start) stands before the next word.
    private var spaceBefore = true
    /// A soft line break stands before the next word: a space between Latin words, nothing
    /// between two wide characters.
    private var softBreakBefore = false
    private var current = ""

    /// Adds plain text, splitting it into words.
    mutating func add(text: String) {
        for character in text {
            if character == " " || character == "\t" || character == "\n" {
                flush()
                spaceBefore = true
            } else if Self.isWide(character) {
                flush()
                append(String(character), wide: true)
            } else {
                current.append(character)
            }
        }
        flush()
    }

    /// Adds a piece that is never broken (styled text, code, a formula).
    mutating func add(unbroken text: String) {
        flush()
        if !text.isEmpty { append(text, wide: false) }
    }

    mutating func addSoftBreak() {
        flush()
        softBreakBefore = true
    }

    mutating func addLineBreak() {
        flush()
        words.append(Word(text: "\n", joinsPrevious: false, isWide: false))
        spaceBefore = true
    }

    private mutating func flush() {
        guard !current.isEmpty else { return }
        let text = current
        current = ""
        append(text, wide: false)
    }

    private mutating func append(_ text: String, wide: Bool) {
        var joins = !spaceBefore
        if softBreakBefore, !spaceBefore {
            // A soft break joins two wide characters and separates anything else by a space.
            joins = wide && (words.last?.isWide ?? false)
        }
        words.append(Word(text: text, joinsPrevious: joins, isWide: wide))
        spaceBefore = false
        softBreakBefore = false
    }

    /// The lines, none wider than `width` unless a single word is.
    func wrapped(width: Int) -> [String] {
        var lines: [String] = []
        var line: [(text: String, width: Int, gap: Int, word: Word)] = []
        var lineWidth: Int { line.reduce(0) { $0 + $1.gap + $1.width } }
        func finish() { lines.append(line.map { String(repeating: " ", count: $0.gap) + $0.text }.joined()); line = [] }
        for word in words {
            if word.text == "\n" { finish(); continue }
            let w = TextWidth.of(word.text)
            let attachesLeft = Self.neverStartsLine(word.text)
            let gap = line.isEmpty || word.joinsPrevious || Self.closesLeft(word.text) ? 0 : 1
            if !line.isEmpty, lineWidth + gap + w > width {
                // A joined word may start a new line only next to a wide character.
                let previous = line.last!.word
                let breakable = !word.joinsPrevious || word.isWide || previous.isWide
                if attachesLeft, line.count > 1 {
                    // Closing punctuation does not start a line: the word before it goes along.
                    let carried = line.removeLast()
                    finish()
                    line = [(carried.text, carried.width, 0, carried.word)]
                } else if breakable, !attachesLeft {
                    if line.count > 1, Self.neverEndsLine(line.last!.text) {
                        // Opening punctuation does not end a line: it goes along with the word.
                        let carried = line.removeLast()
                        finish()
                        line = [(carried.text, carried.width, 0, carried.word)]
                    } else {
                        finish()
                    }
                }
            }
            line.append((word.text, w, line.isEmpty ? 0 : gap, word))
        }
        if !line.isEmpty { finish() }
        return lines
    }

    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { TextWidth.of($0) == 2 } ?? false
    }

    /// Punctuation that belongs to the end of the previous word, without a space.
    static func closesLeft(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return ",.;:!?)]}".contains(first) || "，。、；：！？）」』》〉】".contains(first)
    }

    /// Opening punctuation, which must not end a line: `（` `「` `《` `“` …
    static func neverEndsLine(_ text: String) -> Bool {
        text.count == 1 && "（「『《〈【“‘".contains(text)
    }

    /// What must not begin a line: closing punctuation, and a unit such as the `%` of `82.3 %`.
    static func neverStartsLine(_ text: String) -> Bool {
        closesLeft(text) || text == "%" || text == "‰"
    }
}
