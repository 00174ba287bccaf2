/// Finds `$…$` and `$$…$$` formulas in Markdown, with Pandoc's rules, and protects them from
/// cmark by replacing them with placeholders (see `ProtectedMarkdown`).
///
/// Rules: an inline `$` opens only if a non-space character follows it; the next `$` closes
/// it if a non-space character precedes it and no digit follows it, and otherwise the opening
/// dollar is plain text (so `costs $5 and $10` stays text);
/// `$$…$$` is display math and may span lines; neither crosses a blank line. `\$` is a literal
/// dollar: it is left as is, backslash included, for cmark to unescape. Nothing inside code
/// spans or fenced or indented code blocks is math. Line endings (`\r\n` included) become
/// `\n` in the protected text; line numbers are unchanged. Display math that spans lines inside a
/// block quote is not supported (the quote markers would end up in the formula).
///
/// ```swift
/// let protected = MathScanner.protect("Loss $L(\\theta)$ costs $5 and $10.")
/// protected.formulas.map(\.latex)   // ["L(\\theta)"]
/// protected.text                     // "Loss MathPhM0Q costs $5 and $10."
/// ```
public enum MathScanner {
    public static func protect(_ markdown: String) -> ProtectedMarkdown {
        let prefix = uniquePrefix(for: markdown)
        var scan = InlineScan(prefix: prefix)
        let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let codeFlags = CodeBlockLines.flags(for: lines)
        var output = ""
        var chunk: [Substring] = []
        var chunkStartLine = 1
        for (index, line) in lines.enumerated() {
            if codeFlags[index] {
                if !chunk.isEmpty { output += scan.protect(chunk.joined(separator: "\n"), firstLine: chunkStartLine) + "\n" }
                chunk = []
                output += line + (index + 1 < lines.count ? "\n" : "")
                chunkStartLine = index + 2
            } else {
                chunk.append(line)
            }
        }
        if !chunk.isEmpty { output += scan.protect(chunk.joined(separator: "\n"), firstLine: chunkStartLine) }
        return ProtectedMarkdown(text: output, formulas: scan.formulas, prefix: prefix)
    }

    /// `MathPh`, extended with letters until it occurs nowhere in the document.
    static func uniquePrefix(for markdown: String) -> String {
        var prefix = "MathPh"
        var counter = 0
        while markdown.contains(prefix) {
            counter += 1
            prefix = "MathPh" + lettersNaming(counter)
        }
        return prefix
    }

    /// 1 → "a", 26 → "z", 27 → "ba", …: letters only, so the prefix stays letters only.
    private static func lettersNaming(_ number: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var remaining = number
        var name = ""
        repeat {
            name = String(letters[remaining % 26]) + name
            remaining /= 26
        } while remaining > 0
        return name
    }
}

/// The inline pass over a run of non-code lines: code spans, escapes and dollars.
private struct InlineScan {
    let prefix: String
    var formulas: [Formula] = []

    init(prefix: String) { self.prefix = prefix }

    mutating func protect(_ text: String, firstLine: Int) -> String {
        let characters = Array(text)
        var output = ""
        var line = firstLine
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count:
                output.append(character)
                output.append(characters[index + 1])
                if characters[index + 1].isNewline { line += 1 }
                index += 2
                continue
            case "`":
                let run = characters[index...].prefix(while: { $0 == "`" }).count
                let end = closingBacktickRun(in: characters, from: index + run, length: run) ?? index + run
                let span = characters[index..<end]
                output += String(span)
                line += span.filter(\.isNewline).count
                index = end
                continue
            case "$":
                if let (formula, end) = formula(in: characters, at: index, line: line) {
                    output += placeholder(for: formula, source: characters[index..<end])
                    line += characters[index..<end].filter(\.isNewline).count
                    index = end
                    continue
                }
            case _ where character.isNewline:
                line += 1
            default:
                break
            }
            output.append(character)
            index += 1
        }
        return output
    }

    /// The placeholder, then one continuation token per further source line, keeping each
    /// further line's indentation so that list items stay together.
    private mutating func placeholder(for formula: Formula, source: ArraySlice<Character>) -> String {
        formulas.append(formula)
        var text = "\(prefix)M\(formulas.count - 1)Q"
        let sourceLines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for sourceLine in sourceLines.dropFirst() {
            text += "\n" + String(sourceLine.prefix(while: { $0 == " " || $0 == "\t" })) + prefix + "C"
        }
        return text
    }

    /// The end of the backtick run of exactly `length` that closes a code span, if any before a blank line.
    private func closingBacktickRun(in characters: [Character], from start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                let run = characters[index...].prefix(while: { $0 == "`" }).count
                if run == length { return index + run }
                index += run
            } else {
                if startsBlankLine(characters, at: index) { return nil }
                index += 1
            }
        }
        return nil
    }

    /// Whether `index` is a newline that begins a blank line (a paragraph break).
    private func startsBlankLine(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index].isNewline else { return false }
        var next = index + 1
        while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
        return next >= characters.count || characters[next].isNewline
    }

    /// The formula opening at `start` (a `$`) and the index just past its closing dollar(s).
    private func formula(in characters: [Character], at start: Int, line: Int) -> (Formula, Int)? {
        let isDisplay = start + 1 < characters.count && characters[start + 1] == "$"
        let contentStart = start + (isDisplay ? 2 : 1)
        guard contentStart < characters.count else { return nil }
        if !isDisplay, characters[contentStart].isWhitespace { return nil }
        var index = contentStart
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
                continue
            }
            if startsBlankLine(characters, at: index) { return nil }
            // A code span starting inside would be cut in two: code wins, as in Pandoc.
            if character == "`" { return nil }
            if character == "$" {
                if isDisplay {
                    if index + 1 < characters.count, characters[index + 1] == "$" {
                        let latex = String(characters[contentStart..<index])
                        guard !latex.allSatisfy(\.isWhitespace) else { return nil }
                        return (Formula(latex: latex, display: true, line: line), index + 2)
                    }
                } else {
                    // As in Pandoc, the first `$` decides: it closes, or the dollar was not math.
                    let closes = !characters[index - 1].isWhitespace
                        && (index + 1 >= characters.count || !characters[index + 1].isASCIIDigit)
                    guard closes else { return nil }
                    return (Formula(latex: String(characters[contentStart..<index]), display: false, line: line), index + 1)
                }
            }
            index += 1
        }
        return nil
    }
}
