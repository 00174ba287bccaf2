/// Unicode superscript and subscript forms, for `x²`, `hₜ₋₁` and `x⁽ⁱ⁾` in terminal output.
///
/// ```swift
/// UnicodeScripts.superscript("(i)")   // "⁽ⁱ⁾"
/// UnicodeScripts.subscript("data")    // nil: there is no subscript d
/// ```
enum UnicodeScripts {
    private static let superscripts: [Character: Character] = table(
        from: "0123456789+−-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW′″⊤⊺ᵀβγδθφχι∗ ",
        to: "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ′″ᵀᵀᵀᵝᵞᵟᶿᵠᵡᶥ* ")
    private static let subscripts: [Character: Character] = table(
        from: "0123456789+−-=()aehijklmnoprstuvxβγρφχ ",
        to: "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ ")

    private static func table(from: String, to: String) -> [Character: Character] {
        precondition(from.count == to.count, "script tables must pair up")
        return Dictionary(zip(from, to), uniquingKeysWith: { first, _ in first })
    }

    /// `text` in superscript characters, or nil if some character has no superscript form.
    static func superscript(_ text: String) -> String? { convert(text, with: superscripts) }

    /// `text` in subscript characters, or nil if some character has no subscript form.
    static func `subscript`(_ text: String) -> String? { convert(text, with: subscripts) }

    private static func convert(_ text: String, with table: [Character: Character]) -> String? {
        var converted = ""
        for character in text {
            guard let mapped = table[character] else { return nil }
            converted.append(mapped)
        }
        return converted
    }

    /// Combining marks for accents over a single character.
    static let combiningMarks: [String: Character] = [
        "ˆ": "\u{302}", "^": "\u{302}", "˜": "\u{303}", "~": "\u{303}", "¯": "\u{304}",
        "‾": "\u{305}", "→": "\u{20D7}", "⟶": "\u{20D7}", "⟵": "\u{20D6}", "˙": "\u{307}",
        "¨": "\u{308}", "ˇ": "\u{30C}", "˘": "\u{306}", "´": "\u{301}", "`": "\u{300}",
        "˚": "\u{30A}", "_": "\u{332}",
    ]
}
