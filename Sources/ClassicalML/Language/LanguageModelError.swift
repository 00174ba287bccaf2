/// Why an `NGramLanguageModel` refused its input; each `description` names the problem and the fix.
///
///     do { _ = try model.crossEntropy(of: [99]) }
///     catch { print(error) }   // "Token 99 at position 0 is outside the vocabulary …"
public enum LanguageModelError: Error, Equatable, CustomStringConvertible {
    /// A token is not in `0..<vocabularySize`.
    case tokenOutOfRange(token: Int, position: Int, vocabularySize: Int)
    /// A setting is out of its valid range.
    case invalidSetting(name: String, value: String, requirement: String)
    /// There is nothing to train on or to measure.
    case empty(String)

    public var description: String {
        switch self {
        case let .tokenOutOfRange(token, position, size):
            return "Token \(token) at position \(position) is outside the vocabulary of \(size) symbols; "
                + "tokens must be indices 0..<\(size) (encode the text with the same vocabulary the model was trained with)."
        case let .invalidSetting(name, value, requirement):
            return "\(name) = \(value) is not valid: \(name) must be \(requirement)."
        case let .empty(what):
            return "\(what) is empty; pass at least one token."
        }
    }
}
