import Foundation

/// Numbers as prose reads them, for inline values (`` `{swift} percent(accuracy)` ``) and
/// anywhere else a cell wants them.
///
///     fixed(0.82291, 3)     // "0.823"
///     percent(0.82291)      // "82.3 %"
///     grouped(1853)         // "1,853"
public func fixed(_ value: Double, _ decimals: Int = 2) -> String {
    String(format: "%.\(max(0, decimals))f", value)
}

/// A fraction as a percentage with `decimals` decimals and a thin space: `percent(0.5) == "50.0 %"`.
public func percent(_ fraction: Double, _ decimals: Int = 1) -> String {
    fixed(fraction * 100, decimals) + " %"
}

/// An integer with thousands separators: `grouped(60000) == "60,000"`.
public func grouped<Integer: BinaryInteger>(_ value: Integer) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, digit) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
}

/// How an inline value's result becomes text.
enum InlineFormat {
    /// Strings as they are; floating-point numbers with four significant digits (write
    /// `fixed(x, 3)` or `percent(x)` to choose); anything else as `String(describing:)`.
    static func text(of value: Any) -> String {
        switch value {
        case let text as String: return text
        case let number as Double: return significant(number)
        case let number as Float: return significant(Double(number))
        default: return String(describing: value)
        }
    }

    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        return String(format: "%.4g", value)
    }
}
