import Foundation

/// Compares what a cell printed with its `output` block.
///
/// Lines are compared after trimming trailing spaces and trailing blank lines. Numbers are
/// compared as numbers: two integers must be equal; otherwise two numbers match when they
/// differ by at most `relativeTolerance` of the larger (0.1 %) or by `absoluteTolerance`, so a
/// trained loss of 0.3127 matches an expected 0.3125 while 0.35 does not.
///
///     OutputComparison.mismatch(expected: "loss 0.3125", actual: "loss 0.3127")   // nil: they match
public enum OutputComparison {
    public static let relativeTolerance = 1e-3
    public static let absoluteTolerance = 1e-6

    /// Where two outputs first differ, or nil when they match.
    public struct Mismatch: Equatable, Sendable {
        /// 1-based line within the output block.
        public var line: Int
        public var expected: String
        public var actual: String
    }

    public static func mismatch(expected: String, actual: String) -> Mismatch? {
        let e = normalizedLines(expected), a = normalizedLines(actual)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "", al = i < a.count ? a[i] : ""
            if i >= e.count || i >= a.count || !linesMatch(el, al) {
                return Mismatch(line: i + 1, expected: i < e.count ? el : "(no more lines)", actual: i < a.count ? al : "(no more lines)")
            }
        }
        return nil
    }

    static func normalizedLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    static func linesMatch(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let ta = tokens(a), tb = tokens(b)
        guard ta.count == tb.count else { return false }
        for (x, y) in zip(ta, tb) {
            switch (x, y) {
            case (.text(let s), .text(let t)): if s != t { return false }
            case (.number(let u, let ui), .number(let v, let vi)):
                if ui && vi { if u != v { return false } } else if !close(u, v) { return false }
            default: return false
            }
        }
        return true
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        if a == b || (a.isNaN && b.isNaN) { return true }
        let difference = abs(a - b)
        return difference <= absoluteTolerance || difference <= relativeTolerance * max(abs(a), abs(b))
    }

    enum Token { case text(String), number(Double, isInteger: Bool) }

    /// Splits a line into numbers (`-1.5e-3`, `42`, `0.31`) and the text between them.
    static func tokens(_ line: String) -> [Token] {
        var result: [Token] = []
        let chars = Array(line)
        var text = ""
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = chars[i]
            let startsNumber = isDigit(c) || ((c == "-" || c == "+" || c == ".") && i + 1 < chars.count && (isDigit(chars[i + 1]) || (chars[i + 1] == "." && i + 2 < chars.count && isDigit(chars[i + 2]))))
            let glued = i > 0 && (chars[i - 1].isLetter || chars[i - 1] == "_")   // x1, conv2d: part of a word
            if startsNumber && !glued {
                var j = i
                if chars[j] == "-" || chars[j] == "+" { j += 1 }
                while j < chars.count && isDigit(chars[j]) { j += 1 }
                var integer = true
                if j < chars.count && chars[j] == "." { integer = false; j += 1; while j < chars.count && isDigit(chars[j]) { j += 1 } }
                if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
                    var k = j + 1
                    if k < chars.count && (chars[k] == "-" || chars[k] == "+") { k += 1 }
                    if k < chars.count && isDigit(chars[k]) {
                        integer = false
                        j = k
                        while j < chars.count && isDigit(chars[j]) { j += 1 }
                    }
                }
                if let value = Double(String(chars[i..<j])) {
                    if !text.isEmpty { result.append(.text(text)); text = "" }
                    result.append(.number(value, isInteger: integer))
                    i = j
                    continue
                }
            }
            text.append(c)
            i += 1
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }
}
