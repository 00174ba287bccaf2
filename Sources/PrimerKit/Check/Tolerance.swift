import Foundation

/// How far a printed number may be from the number written in its `output` block.
///
/// Two independent rules: one for numbers with a point or an exponent (`0.83`, `1e-3`) and one
/// for integers (`1853`). Each comes from the nearest place that states it — the block, then the
/// chapter, then `book.json`, then `Tolerance.builtIn` — so a block that states only
/// `integers=1%` keeps the chapter's rule for the other numbers.
///
///     let stated = try ToleranceOptions.parse(["tolerance=2%"])
///     let tolerance = Tolerance.resolve([StatedTolerance(options: stated, source: .block)])
///     tolerance.rule(forIntegers: false).bounds.accepts(expected: 0.83, actual: 0.8288)   // true
///     tolerance.rule(forIntegers: true).bounds.accepts(expected: 1853, actual: 1866)      // false: integers exact
public struct Tolerance: Equatable, Sendable {
    /// A bound together with where it was stated, for the mismatch report.
    public struct Rule: Equatable, Sendable {
        public var bounds: NumberBounds
        public var source: ToleranceSource
    }

    /// For numbers written with a point or an exponent.
    public var numbers: Rule
    /// For pairs of integers.
    public var integers: Rule

    /// Primer's own tolerance when nothing is stated: 0.1 % relative or 1e-6 absolute; integers exact.
    public static let builtIn = Tolerance(
        numbers: Rule(bounds: NumberBounds(relative: 1e-3, absolute: 1e-6), source: .builtIn),
        integers: Rule(bounds: .exact, source: .builtIn))

    /// The rule for a pair of numbers: the integer rule when both are integers.
    public func rule(forIntegers bothIntegers: Bool) -> Rule { bothIntegers ? integers : numbers }

    /// The tolerance in force, from stated options in order of precedence (nearest first:
    /// block, chapter, book); each rule comes from the first that states it, else `builtIn`.
    public static func resolve(_ stated: [StatedTolerance?]) -> Tolerance {
        var tolerance = builtIn
        for statement in stated.compactMap({ $0 }).reversed() {
            if let numbers = statement.options.numbers { tolerance.numbers = Rule(bounds: numbers, source: statement.source) }
            if let integers = statement.options.integers { tolerance.integers = Rule(bounds: integers, source: statement.source) }
        }
        return tolerance
    }
}

/// Within `relative` of the larger magnitude, or within `absolute`; with neither, only equal
/// numbers match.
///
///     NumberBounds(relative: 0.02, absolute: nil).accepts(expected: 100, actual: 102)   // true
///     NumberBounds.exact.accepts(expected: 3, actual: 4)                                 // false
public struct NumberBounds: Equatable, Sendable {
    /// A fraction (0.02 for `tolerance=2%`).
    public var relative: Double?
    public var absolute: Double?

    public static let exact = NumberBounds(relative: nil, absolute: nil)

    /// A difference exactly at a bound is accepted: 0.51 is within `abs=0.01` of 0.50 although
    /// their binary difference is 0.010000000000000009.
    public func accepts(expected: Double, actual: Double) -> Bool {
        if expected == actual || (expected.isNaN && actual.isNaN) { return true }
        let difference = abs(expected - actual)
        let magnitude = max(abs(expected), abs(actual))
        let roundingSlack = 4 * magnitude.ulp
        if let absolute, difference <= absolute + roundingSlack { return true }
        if let relative, difference <= relative * magnitude + roundingSlack { return true }
        return false
    }

    /// `0.1 % relative or 1e-6 absolute`, `2 % relative`, `exact`.
    public var description: String {
        switch (relative, absolute) {
        case (nil, nil): return "exact"
        case (let r?, nil): return "\(ToleranceFormat.percent(r, digits: 6)) relative"
        case (nil, let a?): return "\(ToleranceFormat.number(a, digits: 6)) absolute"
        case (let r?, let a?): return "\(ToleranceFormat.percent(r, digits: 6)) relative or \(ToleranceFormat.number(a, digits: 6)) absolute"
        }
    }
}

/// Where a tolerance was stated.
public enum ToleranceSource: Equatable, Sendable {
    /// In the `output` block's info string.
    case block
    /// In the chapter's `<!-- primer: tolerance=… -->` directive, at this line.
    case chapter(line: Int)
    /// In the `"tolerance"` of this `book.json`.
    case book(path: String)
    /// Nowhere: `Tolerance.builtIn`.
    case builtIn

    /// For the mismatch report: `the block's`, `the chapter's (line 3)`, …
    public var description: String {
        switch self {
        case .block: return "stated on the block"
        case .chapter(let line): return "the chapter's, line \(line)"
        case .book(let path): return "from \(path)"
        case .builtIn: return "Primer's default"
        }
    }
}

/// Options stated in one place, with that place.
public struct StatedTolerance: Equatable, Sendable {
    public var options: ToleranceOptions
    public var source: ToleranceSource

    public init(options: ToleranceOptions, source: ToleranceSource) {
        self.options = options; self.source = source
    }
}

/// Short numbers for the report: `0.0012`, `13`, `1e-6`, `0.14 %` (two significant digits
/// unless told).
enum ToleranceFormat {
    static func number(_ x: Double, digits: Int = 2) -> String {
        var text = String(format: "%.\(digits)g", x)
        // `1e-06` → `1e-6`
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            let sign = exponent.first == "-" ? "-" : ""
            exponent = exponent.drop(while: { $0 == "-" || $0 == "+" || $0 == "0" })
            text = mantissa + "e" + sign + (exponent.isEmpty ? "0" : exponent)
        }
        return text
    }

    static func percent(_ fraction: Double, digits: Int = 2) -> String { number(fraction * 100, digits: digits) + " %" }
}
