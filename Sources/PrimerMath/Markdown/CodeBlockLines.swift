/// Finds the lines of fenced and indented code blocks, where dollars are never math.
///
/// A light line-by-line approximation of CommonMark's block structure: fences (three or more
/// backticks or tildes, after any indentation and `>` quote markers) open and close code blocks;
/// a line indented by four or more columns after a blank line starts an indented code block,
/// unless it continues a list item.
///
/// ```swift
/// CodeBlockLines.flags(for: ["text", "```", "$x$", "```"])   // [false, true, true, true]
/// ```
enum CodeBlockLines {
    static func flags(for lines: [Substring]) -> [Bool] {
        var flags: [Bool] = []
        var openFence: (marker: Character, length: Int)?
        var inIndentedCode = false
        var inList = false
        var previousBlank = true
        for line in lines {
            let isBlank = line.allSatisfy(\.isWhitespace)
            let content = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            let fence = fenceRun(content)
            if let open = openFence {
                flags.append(true)
                if let fence, fence.marker == open.marker, fence.length >= open.length,
                   content.dropFirst(fence.length).allSatisfy(\.isWhitespace) {
                    openFence = nil
                }
                continue
            }
            if let fence, fence.marker == "~" || !content.dropFirst(fence.length).contains("`") {
                openFence = fence
                inIndentedCode = false
                flags.append(true)
                continue
            }
            if isBlank {
                flags.append(false)
                previousBlank = true
                continue
            }
            let indentation = columns(ofIndentation: line)
            if inIndentedCode, indentation >= 4 {
                flags.append(true)
            } else if indentation >= 4, previousBlank, !inList {
                inIndentedCode = true
                flags.append(true)
            } else {
                inIndentedCode = false
                if startsListItem(line) {
                    inList = true
                } else if indentation == 0, previousBlank {
                    inList = false
                }
                flags.append(false)
            }
            previousBlank = false
        }
        return flags
    }

    /// The fence character and run length if the text starts with three or more of ` or ~.
    private static func fenceRun(_ text: Substring) -> (marker: Character, length: Int)? {
        guard let marker = text.first, marker == "`" || marker == "~" else { return nil }
        let length = text.prefix(while: { $0 == marker }).count
        return length >= 3 ? (marker, length) : nil
    }

    private static func columns(ofIndentation line: Substring) -> Int {
        var columns = 0
        for character in line {
            if character == " " { columns += 1 } else if character == "\t" { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// `- `, `* `, `+ ` or `1. ` / `1) ` after at most three spaces.
    private static func startsListItem(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3, let first = text.first else { return false }
        if "-*+".contains(first) { return text.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true }
        let digits = text.prefix(while: \.isASCIIDigit)
        guard (1...9).contains(digits.count) else { return false }
        let rest = text.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")" else { return false }
        return rest.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
    }
}
