extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities, safe inside XML and HTML
    /// text and attribute values; control characters XML forbids are dropped.
    ///
    ///     "a < b & \"c\"".xmlEscaped   // "a &lt; b &amp; &quot;c&quot;"
    var xmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
