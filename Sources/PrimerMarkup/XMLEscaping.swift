extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities, safe inside XML and HTML
    /// text and attribute values. Control characters that XML forbids (all below U+0020 but tab,
    /// newline and carriage return, and U+FFFE/U+FFFF) become U+FFFD, so that something visible
    /// marks where they were and the document stays well-formed.
    ///
    ///     "a < b & \"c\"".xmlEscaped   // "a &lt; b &amp; &quot;c&quot;"
    public var xmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }
}
