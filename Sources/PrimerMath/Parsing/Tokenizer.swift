/// One lexical unit of a LaTeX formula.
struct Token: Equatable {
    enum Kind: Equatable {
        /// `\name` (letters) or a control symbol such as `\,` or `\{`.
        case command(String)
        /// Any other single character, including letters and digits.
        case character(Character)
        case beginGroup
        case endGroup
        case superscriptMark
        case subscriptMark
        /// `&` in a table.
        case alignment
        /// A run of whitespace (kept so that `\text{…}` can keep its spaces).
        case whitespace
    }

    var kind: Kind
    /// 1-based column of the token's first character.
    var column: Int
}

/// Splits a formula into tokens; comments (`%` to end of line) are dropped.
///
/// ```swift
/// try Tokenizer.tokens(#"x^{\alpha}"#).map(\.kind)
/// // [.character("x"), .superscriptMark, .beginGroup, .command("alpha"), .endGroup]
/// ```
enum Tokenizer {
    static func tokens(_ source: String) throws -> [Token] {
        let characters = Array(source)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            switch character {
            case "\\":
                index += 1
                guard index < characters.count else {
                    throw MathError("a backslash ends the formula", column: column)
                }
                if characters[index].isASCIILetter {
                    var name = ""
                    while index < characters.count, characters[index].isASCIILetter {
                        name.append(characters[index])
                        index += 1
                    }
                    tokens.append(Token(kind: .command(name), column: column))
                } else {
                    tokens.append(Token(kind: .command(String(characters[index])), column: column))
                    index += 1
                }
                continue
            case "{": tokens.append(Token(kind: .beginGroup, column: column))
            case "}": tokens.append(Token(kind: .endGroup, column: column))
            case "^": tokens.append(Token(kind: .superscriptMark, column: column))
            case "_": tokens.append(Token(kind: .subscriptMark, column: column))
            case "&": tokens.append(Token(kind: .alignment, column: column))
            case "%":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case _ where character.isWhitespace:
                while index < characters.count, characters[index].isWhitespace { index += 1 }
                tokens.append(Token(kind: .whitespace, column: column))
                continue
            default:
                tokens.append(Token(kind: .character(character), column: column))
            }
            index += 1
        }
        return tokens
    }
}

extension Character {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
