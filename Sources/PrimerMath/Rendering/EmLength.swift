import Foundation

/// A length in em, written with at most four decimals (`0.1667em`).
func emLength(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text + "em"
}
