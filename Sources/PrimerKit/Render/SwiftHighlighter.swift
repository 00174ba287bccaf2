/// Splits Swift source into classified tokens for syntax colouring, in the terminal and on
/// the page. A hand-written lexer: comments (nested block comments too), string literals
/// (multi-line, raw `#"…"#`, interpolation treated as part of the string), numbers, keywords,
/// attributes, `#` directives, type-like names and everything else. It never fails: unknown
/// text is `.plain`, and the tokens always concatenate back to the input.
///
///     SwiftHighlighter.tokens("let x = 1 // one")
///     // [.keyword "let", .plain " x = ", .number "1", .plain " ", .comment "// one"]
public enum SwiftHighlighter {
    public enum Kind: String, Sendable {
        case keyword, type, string, number, comment, attribute, directive, plain
    }

    public struct Token: Equatable, Sendable {
        public var kind: Kind
        public var text: String
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "as", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "await", "async", "some", "any",
        "mutating", "nonmutating", "override", "final", "lazy", "weak", "unowned", "convenience", "required",
        "indirect", "get", "set", "willSet", "didSet", "consuming", "borrowing", "actor", "nonisolated",
    ]

    public static func tokens(_ source: String) -> [Token] {
        let chars = Array(source)
        var result: [Token] = []
        var plain = ""
        var i = 0
        func emit(_ kind: Kind, _ from: Int, _ to: Int) {
            if !plain.isEmpty { result.append(Token(kind: .plain, text: plain)); plain = "" }
            result.append(Token(kind: kind, text: String(chars[from..<to])))
        }
        func at(_ j: Int) -> Character? { j < chars.count ? chars[j] : nil }

        while i < chars.count {
            let c = chars[i]
            if c == "/" && at(i + 1) == "/" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                emit(.comment, i, j); i = j
            } else if c == "/" && at(i + 1) == "*" {
                var depth = 0, j = i
                repeat {
                    if chars[j] == "/" && at(j + 1) == "*" { depth += 1; j += 2 }
                    else if chars[j] == "*" && at(j + 1) == "/" { depth -= 1; j += 2 }
                    else { j += 1 }
                } while depth > 0 && j < chars.count
                emit(.comment, i, j); i = j
            } else if c == "\"" || (c == "#" && (at(i + 1) == "\"" || at(i + 1) == "#")) && startsRawString(chars, i) {
                let j = endOfString(chars, i)
                emit(.string, i, j); i = j
            } else if c.isNumber && (i == 0 || !isIdentifierChar(chars[i - 1])) {
                var j = i + 1
                while j < chars.count && (isIdentifierChar(chars[j]) || (chars[j] == "." && at(j + 1)?.isNumber == true)) { j += 1 }
                emit(.number, i, j); i = j
            } else if c == "@" && at(i + 1).map(isIdentifierStart) == true {
                var j = i + 1
                while j < chars.count && isIdentifierChar(chars[j]) { j += 1 }
                emit(.attribute, i, j); i = j
            } else if c == "#" && at(i + 1).map(isIdentifierStart) == true {
                var j = i + 1
                while j < chars.count && isIdentifierChar(chars[j]) { j += 1 }
                emit(.directive, i, j); i = j
            } else if isIdentifierStart(c) && (i == 0 || !isIdentifierChar(chars[i - 1])) {
                var j = i + 1
                while j < chars.count && isIdentifierChar(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                let afterDot = i > 0 && chars[i - 1] == "."
                if keywords.contains(word) && !afterDot { emit(.keyword, i, j) }
                else if c.isUppercase { emit(.type, i, j) }
                else { plain += word }
                i = j
            } else {
                plain.append(c); i += 1
            }
        }
        if !plain.isEmpty { result.append(Token(kind: .plain, text: plain)) }
        return result
    }

    private static func isIdentifierStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
    private static func isIdentifierChar(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    private static func startsRawString(_ chars: [Character], _ i: Int) -> Bool {
        if chars[i] == "\"" { return true }
        var j = i
        while j < chars.count && chars[j] == "#" { j += 1 }
        return j < chars.count && chars[j] == "\""
    }

    /// The index just past the string literal starting at `start`.
    private static func endOfString(_ chars: [Character], _ start: Int) -> Int {
        var j = start, hashes = 0
        while j < chars.count && chars[j] == "#" { hashes += 1; j += 1 }
        let multiline = j + 2 < chars.count && chars[j] == "\"" && chars[j + 1] == "\"" && chars[j + 2] == "\""
        let quotes = multiline ? 3 : 1
        j += quotes
        var depth = 0   // inside \( … ) interpolation
        while j < chars.count {
            let c = chars[j]
            if !multiline && c == "\n" { return j }
            if depth > 0 {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                j += 1; continue
            }
            if c == "\\" {
                var k = j + 1, escapeHashes = 0
                while k < chars.count && chars[k] == "#" && escapeHashes < hashes { escapeHashes += 1; k += 1 }
                if escapeHashes == hashes {
                    if k < chars.count && chars[k] == "(" { depth = 1; j = k + 1; continue }
                    j = k + 1; continue
                }
                j += 1; continue
            }
            if c == "\"" {
                var k = j, closing = 0
                while k < chars.count && chars[k] == "\"" && closing < quotes { closing += 1; k += 1 }
                if closing == quotes {
                    var closingHashes = 0
                    while k < chars.count && chars[k] == "#" && closingHashes < hashes { closingHashes += 1; k += 1 }
                    if closingHashes == hashes { return k }
                }
                j += 1; continue
            }
            j += 1
        }
        return j
    }
}
