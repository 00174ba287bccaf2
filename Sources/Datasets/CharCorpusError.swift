/// Why a `CharCorpus` refused its input. Each case's `description` names the problem and the fix.
///
///     do { _ = try corpus.encode("naïve") }
///     catch { print(error) }   // "The character "ï" (U+00EF) at position 2 is not in …"
public enum CharCorpusError: Error, Equatable, CustomStringConvertible {
    /// The text to build a corpus from is empty.
    case emptyText
    /// `encode` met a character the corpus's vocabulary does not hold.
    case unknownCharacter(Character, position: Int, vocabularySize: Int)
    /// `decode` met an index outside `0..<vocabularySize`.
    case tokenOutOfRange(Int, position: Int, vocabularySize: Int)
    /// A split or batch was asked for with a size that does not fit the tokens.
    case invalidRequest(String)
    /// The bundled text is missing or unreadable (a broken build).
    case missingResource(String)

    public var description: String {
        switch self {
        case .emptyText:
            return "The text is empty; a character corpus needs at least one character."
        case let .unknownCharacter(character, position, size):
            let codes = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
            return "The character \"\(character)\" (\(codes.joined(separator: " "))) at position \(position) is not in "
                + "the corpus's vocabulary of \(size) characters; encode only text made of the corpus's characters "
                + "(see `vocabulary`), or build the corpus from a text that contains it."
        case let .tokenOutOfRange(token, position, size):
            return "Token \(token) at position \(position) is not a character index: the vocabulary has \(size) "
                + "characters, so tokens must be in 0..<\(size)."
        case let .invalidRequest(detail):
            return detail
        case let .missingResource(detail):
            return detail
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
