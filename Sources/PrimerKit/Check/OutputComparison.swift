import Foundation

/// Compares what a cell printed with its `output` block.
///
/// Lines are compared after trimming trailing spaces and trailing blank lines; an expected line
/// that is just `…` (`anyLine`) matches any one printed line. Numbers are
/// compared as numbers, within a `Tolerance`: by default two integers must be equal and other
/// numbers match when they differ by at most 0.1 % of the larger or by 1e-6, so a trained loss
/// of 0.3127 matches an expected 0.3125 while 0.35 does not.
///
///     OutputComparison.mismatch(expected: "loss 0.3125", actual: "loss 0.3127")   // nil: they match
public enum OutputComparison {
    /// An expected line that matches any one printed line, for a timing or a path that changes
    /// from run to run.
    public static let anyLine = "…"

    /// Where two outputs first differ, or nil when they match.
    public struct Mismatch: Equatable, Sendable {
        /// 1-based line within the output block.
        public var line: Int
        public var expected: String
        public var actual: String
        /// The first pair of numbers on the line that differ by more than the tolerance, when the
        /// line differs only in numbers.
        public var number: NumberDifference? = nil
    }

    /// Two numbers that differ by more than the rule allows.
    public struct NumberDifference: Equatable, Sendable {
        /// As printed: `0.830`, `0.8288`.
        public var expected: String
        public var actual: String
        public var expectedValue: Double
        public var actualValue: Double
        public var rule: Tolerance.Rule
        public var bothIntegers: Bool

        /// `expected 0.830, got 0.8288: off by 0.0012 (0.14 %); allowed for numbers: 0.1 %
        /// relative or 1e-6 absolute (Primer's default) — if this number may vary, …`
        public var description: String {
            let difference = abs(expectedValue - actualValue)
            let magnitude = max(abs(expectedValue), abs(actualValue))
            var off = ToleranceFormat.number(difference)
            if magnitude > 0, difference.isFinite { off += " (\(ToleranceFormat.percent(difference / magnitude)))" }
            let kind = bothIntegers ? "integers" : "numbers"
            let allowed = rule.bounds == .exact ? "\(kind) must match exactly" : "allowed for \(kind): \(rule.bounds.description)"
            let hint: String
            switch (rule.source, bothIntegers) {
            case (.builtIn, false): hint = "if this number may vary, state a tolerance on the block: ```output tolerance=…%"
            case (.builtIn, true): hint = "if this count may vary, state a tolerance on the block: ```output integers=…"
            default: hint = "if it may vary that much, widen the tolerance"
            }
            return "expected \(expected), got \(actual): off by \(off); \(allowed) (\(rule.source.description)) — \(hint)"
        }
    }

    public static func mismatch(expected: String, actual: String, tolerance: Tolerance = .builtIn) -> Mismatch? {
        let e = normalizedLines(expected), a = normalizedLines(actual)
        for i in 0..<max(e.count, a.count) {
            guard i < e.count, i < a.count else {
                return Mismatch(line: i + 1, expected: i < e.count ? e[i] : "(no more lines)", actual: i < a.count ? a[i] : "(no more lines)")
            }
            if e[i] == anyLine { continue }
            switch compare(e[i], a[i], tolerance: tolerance) {
            case .same: continue
            case .differentText: return Mismatch(line: i + 1, expected: e[i], actual: a[i])
            case .differentNumber(let difference): return Mismatch(line: i + 1, expected: e[i], actual: a[i], number: difference)
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

    enum LineComparison: Equatable { case same, differentText, differentNumber(NumberDifference) }

    static func compare(_ expected: String, _ actual: String, tolerance: Tolerance) -> LineComparison {
        if expected == actual { return .same }
        let te = tokens(expected), ta = tokens(actual)
        guard te.count == ta.count else { return .differentText }
        var firstDifference: NumberDifference?
        for (x, y) in zip(te, ta) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return .differentText }
            case (.number(let u, let ui, let us), .number(let v, let vi, let vs)):
                let rule = tolerance.rule(forIntegers: ui && vi)
                if firstDifference == nil, !rule.bounds.accepts(expected: u, actual: v) {
                    firstDifference = NumberDifference(expected: us, actual: vs, expectedValue: u, actualValue: v, rule: rule, bothIntegers: ui && vi)
                }
            default: return .differentText
            }
        }
        return firstDifference.map { .differentNumber($0) } ?? .same
    }

    enum Token { case text(String), number(Double, isInteger: Bool, printed: String) }

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
                let printed = String(chars[i..<j])
                if let value = Double(printed) {
                    if !text.isEmpty { result.append(.text(text)); text = "" }
                    result.append(.number(value, isInteger: integer, printed: printed))
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
