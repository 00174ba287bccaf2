import Foundation

extension String {
    /// The string with `& < > " '` escaped, safe in XML text and attribute values.
    ///
    /// ```swift
    /// "a<b & \"c\"".xmlEscaped   // "a&lt;b &amp; &quot;c&quot;"
    /// ```
    public var xmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A length in em, written with at most four decimals (`0.1667em`).
func emLength(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text + "em"
}
