import Foundation

/// Tolerance options as an author writes them — the same words on an `output` block, in a
/// chapter directive and in `book.json`:
///
///     ```output tolerance=2% abs=0.01 integers=1%
///     <!-- primer: tolerance=0.5% -->
///     "tolerance": "tolerance=0.5% integers=20"
///
/// | word | meaning |
/// | --- | --- |
/// | `tolerance=P%` | numbers with a point or exponent may differ by P % of the larger magnitude |
/// | `abs=X` | … or by X; with both, a number matches when it is within either |
/// | `integers=P%`, `integers=N`, `integers=exact` | integers may differ by P %, by N, or not at all |
///
/// A rule left unstated (`numbers` or `integers` nil) comes from the next place out.
public struct ToleranceOptions: Equatable, Sendable {
    /// From `tolerance=` and `abs=`, nil when neither is stated.
    public var numbers: NumberBounds?
    /// From `integers=`, nil when not stated.
    public var integers: NumberBounds?

    public init(numbers: NumberBounds? = nil, integers: NumberBounds? = nil) {
        self.numbers = numbers; self.integers = integers
    }

    /// The option names; a directive whose first word starts with one of them is a tolerance.
    static let keys = ["tolerance=", "abs=", "integers="]

    static let known = "tolerance=PERCENT% (relative), abs=NUMBER (absolute), integers=PERCENT%|NUMBER|exact"

    public struct OptionError: Error, Equatable {
        public var message: String
    }

    /// Parses words such as `tolerance=2%`, `abs=0.01`, `integers=5`. Throws a message
    /// (without location) for an unknown, repeated or malformed word.
    public static func parse<Word: StringProtocol>(_ words: [Word]) throws(OptionError) -> ToleranceOptions {
        var relative: Double?, absolute: Double?, integers: NumberBounds?
        for word in words.map({ String($0) }) {
            guard let key = keys.first(where: { word.hasPrefix($0) }) else {
                throw OptionError(message: "unknown tolerance option `\(word)`; known options: \(known)")
            }
            let value = String(word.dropFirst(key.count))
            let alreadyStated: Bool
            switch key {
            case "tolerance=":
                alreadyStated = relative != nil
                relative = try percentage(value, in: word)
            case "abs=":
                alreadyStated = absolute != nil
                absolute = try amount(value, in: word)
            default:
                alreadyStated = integers != nil
                if value == "exact" { integers = .exact }
                else if value.hasSuffix("%") { integers = NumberBounds(relative: try percentage(value, in: word), absolute: nil) }
                else { integers = NumberBounds(relative: nil, absolute: try amount(value, in: word)) }
            }
            if alreadyStated {
                throw OptionError(message: "`\(key.dropLast())` is stated twice; state each tolerance option once")
            }
        }
        let numbers = relative == nil && absolute == nil ? nil : NumberBounds(relative: relative, absolute: absolute)
        return ToleranceOptions(numbers: numbers, integers: integers)
    }

    /// Parses a string of words, as in `book.json`.
    public static func parse(_ text: String) throws(OptionError) -> ToleranceOptions {
        try parse(text.split(whereSeparator: \.isWhitespace))
    }

    /// `2%` → 0.02.
    private static func percentage(_ value: String, in word: String) throws(OptionError) -> Double {
        guard value.hasSuffix("%"), let percent = Double(value.dropLast()), percent >= 0, percent.isFinite else {
            throw OptionError(message: "`\(word)`: a relative tolerance is a percentage, e.g. tolerance=2%")
        }
        return percent / 100
    }

    private static func amount(_ value: String, in word: String) throws(OptionError) -> Double {
        guard let number = Double(value), number >= 0, number.isFinite else {
            throw OptionError(message: "`\(word)`: expected a non-negative number, e.g. abs=0.01 or integers=20")
        }
        return number
    }
}
