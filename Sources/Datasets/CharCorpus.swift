import Foundation
import NumericCore

/// A text seen one character at a time, as a character-level language model sees it: the
/// sorted set of its characters (the vocabulary), the text as character indices (tokens),
/// a split into training and held-out parts, and batches of windows to train on.
///
///     let corpus = try CharCorpus.macbeth                  // bundled, see Bundled/README.md
///     let tokens = try corpus.encode("Fair is foul")       // [indices into corpus.vocabulary]
///     try corpus.decode(tokens)                            // "Fair is foul"
///     let (train, heldOut) = try corpus.split(heldOutFraction: 0.1)
///     var rng = SeededGenerator(seed: 1)
///     let batch = try CharCorpus.batch(from: train, size: 32, length: 64, using: &rng)
///
/// Characters are Swift `Character`s (grapheme clusters), so "é" is one token whether it is
/// stored precomposed or not. Encoding a character outside the vocabulary throws
/// `CharCorpusError.unknownCharacter`; it never traps.
public struct CharCorpus: Sendable, CustomStringConvertible {
    /// A name for printing.
    public let name: String
    /// Every distinct character of the text, sorted by its Unicode scalars; a token is an index here.
    public let vocabulary: [Character]
    /// The whole text as tokens.
    public let tokens: [Int]
    private let indexOfCharacter: [Character: Int]

    /// Builds the vocabulary from `text` and encodes it.
    public init(text: String, name: String = "text") throws {
        guard !text.isEmpty else { throw CharCorpusError.emptyText }
        self.name = name
        let characters = Array(text)
        vocabulary = Set(characters).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        indexOfCharacter = index
        tokens = characters.map { index[$0]! }
    }

    /// How many distinct characters the text has.
    public var vocabularySize: Int { vocabulary.count }
    /// How many characters the text has.
    public var count: Int { tokens.count }

    /// The tokens of `text`; throws `unknownCharacter` at the first character the vocabulary lacks.
    public func encode(_ text: String) throws -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(text.count)
        for (position, character) in text.enumerated() {
            guard let index = indexOfCharacter[character] else {
                throw CharCorpusError.unknownCharacter(character, position: position, vocabularySize: vocabularySize)
            }
            result.append(index)
        }
        return result
    }

    /// The text of `tokens`; throws `tokenOutOfRange` for an index outside the vocabulary.
    public func decode(_ tokens: [Int]) throws -> String {
        var text = ""
        for (position, token) in tokens.enumerated() {
            guard vocabulary.indices.contains(token) else {
                throw CharCorpusError.tokenOutOfRange(token, position: position, vocabularySize: vocabularySize)
            }
            text.append(vocabulary[token])
        }
        return text
    }

    /// The text cut in two where `heldOutFraction` of it is left: the first part to train on, the
    /// last part (unseen in training, and later in the text) to measure on.
    public func split(heldOutFraction: Double) throws -> (train: [Int], heldOut: [Int]) {
        guard heldOutFraction > 0, heldOutFraction < 1 else {
            throw CharCorpusError.invalidRequest("heldOutFraction = \(heldOutFraction) must be between 0 and 1 (for example 0.1).")
        }
        let cut = count - Int((Double(count) * heldOutFraction).rounded())
        guard cut > 0, cut < count else {
            throw CharCorpusError.invalidRequest("A held-out fraction of \(heldOutFraction) of \(count) characters leaves one part empty; use a longer text or another fraction.")
        }
        return (Array(tokens[..<cut]), Array(tokens[cut...]))
    }

    public var description: String {
        "\(name): \(count) characters, vocabulary of \(vocabularySize)"
    }
}

/// Windows of tokens for next-character prediction, flattened row by row: `inputs[r * length + t]`
/// is the character at step `t` of window `r`, and `targets` the character after it.
public struct TokenBatch: Sendable, Equatable {
    /// How many windows.
    public let size: Int
    /// How many steps each window has.
    public let length: Int
    /// `size × length` tokens, row-major.
    public let inputs: [Int]
    /// The same windows moved on by one character: what each step should predict.
    public let targets: [Int]
}

extension CharCorpus {
    /// `size` windows of `length + 1` consecutive tokens starting at random places of `tokens`,
    /// split into inputs and next-character targets.
    public static func batch(from tokens: [Int], size: Int, length: Int,
                             using generator: inout SeededGenerator) throws -> TokenBatch {
        guard size > 0, length > 0 else {
            throw CharCorpusError.invalidRequest("A batch needs size > 0 and length > 0; got size \(size), length \(length).")
        }
        guard tokens.count > length else {
            throw CharCorpusError.invalidRequest("Windows of \(length) + 1 tokens do not fit in \(tokens.count) tokens; use a shorter length.")
        }
        var inputs: [Int] = [], targets: [Int] = []
        inputs.reserveCapacity(size * length); targets.reserveCapacity(size * length)
        for _ in 0..<size {
            let start = generator.nextInt(below: tokens.count - length)
            inputs += tokens[start..<(start + length)]
            targets += tokens[(start + 1)...(start + length)]
        }
        return TokenBatch(size: size, length: length, inputs: inputs, targets: targets)
    }

    /// Every whole window of `length` inputs in `tokens` that starts at a multiple of `stride`, in
    /// order (for measuring a model on held-out text). With the default stride, `length`, the
    /// windows do not overlap and each token after the first is predicted once; with `length / 2`,
    /// scoring only the second half of each window gives every prediction at least `length / 2`
    /// tokens of context.
    public static func consecutiveWindows(from tokens: [Int], length: Int, stride: Int? = nil) throws -> TokenBatch {
        let step = stride ?? length
        guard length > 0, step > 0, tokens.count > length else {
            throw CharCorpusError.invalidRequest("Windows of \(length) + 1 tokens, every \(step), do not fit in \(tokens.count) tokens; use a shorter length or a positive stride.")
        }
        let size = (tokens.count - 1 - length) / step + 1
        var inputs: [Int] = [], targets: [Int] = []
        for row in 0..<size {
            let start = row * step
            inputs += tokens[start..<(start + length)]
            targets += tokens[(start + 1)...(start + length)]
        }
        return TokenBatch(size: size, length: length, inputs: inputs, targets: targets)
    }
}

extension CharCorpus {
    /// Shakespeare's *Macbeth* (about 100 KB, 67 characters), from Project Gutenberg via the
    /// Open Shakespeare package; see `Bundled/README.md`.
    public static var macbeth: CharCorpus {
        get throws { try bundled(file: "macbeth", name: "Macbeth") }
    }

    static func bundled(file: String, name: String) throws -> CharCorpus {
        guard let url = Bundle.module.url(forResource: file, withExtension: "txt", subdirectory: "Bundled")
                ?? Bundle.module.url(forResource: file, withExtension: "txt") else {
            throw CharCorpusError.missingResource("The bundled text \(file).txt is missing from the Datasets resources; rebuild the package.")
        }
        do {
            return try CharCorpus(text: String(contentsOf: url, encoding: .utf8), name: name)
        } catch let error as CharCorpusError {
            throw error
        } catch {
            throw CharCorpusError.missingResource("The bundled text \(file).txt could not be read: \(error)")
        }
    }
}
