import Foundation

/// Number formatting for axes, labels and values: short, exact-looking and free of binary
/// floating-point noise.
///
///     NumberFormat.tick(0.30000000000000004, step: 0.1)   // "0.3"
///     NumberFormat.compact(1234.5678)                      // "1234.6"
///     NumberFormat.compact(0.000012)                       // "1.2e-5"
enum NumberFormat {
    /// Formats a tick value with exactly as many decimals as the tick step needs.
    static func tick(_ value: Double, step: Double) -> String {
        let decimals = step > 0 ? max(0, Int(-Foundation.floor(Foundation.log10(step) + 1e-9))) : 0
        return fixed(value, decimals: min(decimals, 10))
    }

    /// Formats a value with up to `significant` significant digits, trailing zeros removed,
    /// switching to scientific notation for very large or very small magnitudes.
    static func compact(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == value.rounded(), abs(value) < 1e9 { return fixed(value, decimals: 0) }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 {
            let text = String(format: "%.\(max(0, significant - 1))e", value)
            let parts = text.split(separator: "e")
            let mantissa = trimZeros(String(parts[0]))
            let exponent = Int(parts[1]) ?? 0
            return "\(mantissa)e\(exponent)"
        }
        let integerDigits = magnitude >= 1 ? Int(Foundation.log10(magnitude)) + 1 : 0
        let decimals = max(0, significant - integerDigits)
        return trimZeros(fixed(value, decimals: decimals))
    }

    /// Fixed-point formatting that never prints "-0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : trimmed
    }
}
