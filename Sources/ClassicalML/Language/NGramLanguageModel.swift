import Foundation
import NumericCore

/// A language model over a vocabulary of symbols (characters, say) that predicts each symbol
/// from the `order − 1` before it, smoothed with interpolated Kneser–Ney (Kneser & Ney 1995;
/// Chen & Goodman 1999): the classical answer to "what comes next?".
///
///     let model = try NGramLanguageModel(order: 5, vocabularySize: corpus.vocabularySize, training: train)
///     try model.crossEntropy(of: heldOut)                  // bits per symbol
///     var rng = SeededGenerator(seed: 1)
///     try model.sample(count: 200, prompt: try corpus.encode("MACBETH."), using: &rng)
///
/// For a context `h` of `k` symbols and its shorter context `h′` (without the oldest symbol),
///
///     P(w | h) = max(c(h w) − D_k, 0) / c(h •)  +  D_k · N(h •) / c(h •) · P(w | h′),
///
/// where `N(h •)` counts the distinct symbols seen after `h`. At the longest order `c` is the raw
/// count; at the shorter orders it is the *continuation count*, the number of distinct symbols
/// seen before `h w`: a symbol that follows many different contexts is a likely guess in a new
/// one, one that always follows the same context is not. Below the empty context is the uniform
/// distribution, so every symbol has a probability above zero and, for every context, the
/// probabilities over the vocabulary sum to 1. A context never seen is skipped (its weight
/// passes to the shorter one). The discount of each order is Ney's estimate
/// `D = n₁ / (n₁ + 2 n₂)` from how many of its n-grams were counted once and twice, unless
/// `discount` fixes one for all orders.
public struct NGramLanguageModel: Sendable {
    /// How many symbols an n-gram holds: the model conditions on `order − 1` of them.
    public let order: Int
    public let vocabularySize: Int
    /// The discount of each n-gram length 1…order (index 0 is length 1).
    public let discounts: [Double]
    /// How many symbols the model was trained on.
    public let trainingCount: Int

    /// Per n-gram length m (index m − 1): the count of each n-gram, by its key.
    private let counts: [[UInt64: Double]]
    /// Per n-gram length m: for each context of m − 1 symbols, its total count and how many
    /// distinct symbols follow it.
    private let contexts: [[UInt64: ContextTotals]]

    private struct ContextTotals: Sendable {
        var total: Double = 0
        var distinct = 0
    }

    /// Counts every n-gram of `training` up to `order` symbols.
    public init(order: Int, vocabularySize: Int, training: [Int], discount: Double? = nil) throws {
        guard order >= 1 else {
            throw LanguageModelError.invalidSetting(name: "order", value: "\(order)", requirement: "at least 1 (1 = unigram, 3 = trigram, …)")
        }
        guard vocabularySize >= 1 else {
            throw LanguageModelError.invalidSetting(name: "vocabularySize", value: "\(vocabularySize)", requirement: "at least 1")
        }
        let base = Double(vocabularySize + 1)
        guard pow(base, Double(order)) < pow(2, 63) else {
            throw LanguageModelError.invalidSetting(name: "order", value: "\(order)",
                requirement: "small enough that \(vocabularySize + 1)^order stays below 2^63 (at most \(Int(63 * log(2) / log(base))) for this vocabulary)")
        }
        if let discount, !(discount > 0 && discount < 1) {
            throw LanguageModelError.invalidSetting(name: "discount", value: "\(discount)", requirement: "between 0 and 1 (exclusive), or nil to estimate it")
        }
        guard !training.isEmpty else { throw LanguageModelError.empty("The training sequence") }
        try Self.check(training, vocabularySize: vocabularySize)
        self.order = order
        self.vocabularySize = vocabularySize
        trainingCount = training.count

        // Raw counts of every n-gram of length 1…order.
        let radix = UInt64(vocabularySize + 1)
        var raw = [[UInt64: Double]](repeating: [:], count: order)
        for end in training.indices {
            var key: UInt64 = 0, place: UInt64 = 1
            for length in 1...min(order, end + 1) {
                key += UInt64(training[end - length + 1] + 1) * place   // the newest symbol is the lowest digit
                place *= radix
                raw[length - 1][key, default: 0] += 1
            }
        }
        // The longest order keeps raw counts; each shorter one counts distinct left neighbours.
        var used = raw
        for length in stride(from: order - 1, through: 1, by: -1) {
            var continuation: [UInt64: Double] = [:]
            let placeOfOldest = Self.power(radix, length)
            for key in raw[length].keys { continuation[key % placeOfOldest, default: 0] += 1 }
            used[length - 1] = continuation
        }
        var totals = [[UInt64: ContextTotals]](repeating: [:], count: order)
        var estimated: [Double] = []
        for length in 1...order {
            var once = 0.0, twice = 0.0
            for (key, count) in used[length - 1] {
                totals[length - 1][key / radix, default: ContextTotals()].total += count
                totals[length - 1][key / radix, default: ContextTotals()].distinct += 1
                if count == 1 { once += 1 } else if count == 2 { twice += 1 }
            }
            let ney = once > 0 && twice > 0 ? once / (once + 2 * twice) : 0.5
            estimated.append(discount ?? min(max(ney, 0.05), 0.95))
        }
        counts = used
        contexts = totals
        discounts = estimated
    }

    /// The probability of every symbol after `context` (its last `order − 1` symbols count);
    /// they sum to 1.
    public func probabilities(after context: [Int]) throws -> [Double] {
        try Self.check(context, vocabularySize: vocabularySize)
        return distribution(after: context[...])
    }

    /// The probability of `symbol` after `context`.
    public func probability(of symbol: Int, after context: [Int]) throws -> Double {
        try Self.check(context + [symbol], vocabularySize: vocabularySize)
        return probability(of: symbol, after: context[...])
    }

    /// The average of −log₂ P(symbol | the symbols before it) over `tokens[start...]`, in bits
    /// per symbol; the tokens before `start` serve as context only, and the first symbols are
    /// predicted from the shorter contexts they have.
    public func crossEntropy(of tokens: [Int], scoringFrom start: Int = 0) throws -> Double {
        guard start >= 0, start < tokens.count else {
            throw LanguageModelError.empty(tokens.isEmpty ? "The sequence to measure" : "The part of the sequence from \(start) on")
        }
        try Self.check(tokens, vocabularySize: vocabularySize)
        var bits = 0.0
        for index in start..<tokens.count {
            let context = tokens[max(0, index - order + 1)..<index]
            bits -= log2(probability(of: tokens[index], after: context))
        }
        return bits / Double(tokens.count - start)
    }

    /// `2^crossEntropy`: the number of equally likely symbols the model is as unsure as.
    public func perplexity(of tokens: [Int]) throws -> Double { pow(2, try crossEntropy(of: tokens)) }

    /// `count` symbols drawn one after another from the model, each after the prompt and the
    /// symbols drawn before it; `temperature` below 1 sharpens the distribution.
    public func sample(count: Int, prompt: [Int] = [], temperature: Double = 1,
                       using generator: inout SeededGenerator) throws -> [Int] {
        guard count >= 0 else { throw LanguageModelError.invalidSetting(name: "count", value: "\(count)", requirement: "zero or more") }
        guard temperature > 0 else {
            throw LanguageModelError.invalidSetting(name: "temperature", value: "\(temperature)", requirement: "above 0 (1 samples the model as it is)")
        }
        try Self.check(prompt, vocabularySize: vocabularySize)
        var history = prompt, drawn: [Int] = []
        for _ in 0..<count {
            var weights = distribution(after: history[max(0, history.count - order + 1)...])
            if temperature != 1 { weights = weights.map { pow($0, 1 / temperature) } }
            let symbol = Self.draw(weights, using: &generator)
            history.append(symbol); drawn.append(symbol)
        }
        return drawn
    }

    // MARK: - The recursion

    /// One order of the interpolation that applies after a context: its n-gram length, the key of
    /// the context's last `length − 1` symbols, and that context's totals. Unseen contexts are left
    /// out (their weight passes to the shorter one).
    private struct Level {
        let length: Int, contextKey: UInt64, totals: ContextTotals
    }

    /// The orders to interpolate after `context`, shortest first.
    private func levels(after context: ArraySlice<Int>) -> [Level] {
        let radix = UInt64(vocabularySize + 1)
        var levels: [Level] = []
        var contextKey: UInt64 = 0, place: UInt64 = 1
        for length in 1...order {
            if length > 1 {
                guard context.count >= length - 1 else { break }
                contextKey += UInt64(context[context.endIndex - length + 1] + 1) * place
                place *= radix
            }
            if let totals = contexts[length - 1][contextKey], totals.total > 0 {
                levels.append(Level(length: length, contextKey: contextKey, totals: totals))
            }
        }
        return levels
    }

    /// The count of `symbol` after a level's context, and the weight left for the shorter context.
    private func interpolate(_ level: Level, symbol: Int, lower: Double) -> Double {
        let key = level.contextKey * UInt64(vocabularySize + 1) + UInt64(symbol + 1)
        let count = counts[level.length - 1][key] ?? 0
        let d = discounts[level.length - 1], totals = level.totals
        return max(count - d, 0) / totals.total + d * Double(totals.distinct) / totals.total * lower
    }

    private func probability(of symbol: Int, after context: ArraySlice<Int>) -> Double {
        levels(after: context).reduce(1 / Double(vocabularySize)) { lower, level in
            interpolate(level, symbol: symbol, lower: lower)
        }
    }

    private func distribution(after context: ArraySlice<Int>) -> [Double] {
        var p = [Double](repeating: 1 / Double(vocabularySize), count: vocabularySize)
        for level in levels(after: context) {
            for symbol in 0..<vocabularySize { p[symbol] = interpolate(level, symbol: symbol, lower: p[symbol]) }
        }
        return p
    }

    private static func draw(_ weights: [Double], using generator: inout SeededGenerator) -> Int {
        let total = weights.reduce(0, +)
        var threshold = generator.nextDouble() * total
        for (symbol, weight) in weights.enumerated() {
            threshold -= weight
            if threshold < 0 { return symbol }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    private static func power(_ base: UInt64, _ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }

    private static func check(_ tokens: [Int], vocabularySize: Int) throws {
        if let position = tokens.firstIndex(where: { $0 < 0 || $0 >= vocabularySize }) {
            throw LanguageModelError.tokenOutOfRange(token: tokens[position], position: position, vocabularySize: vocabularySize)
        }
    }
}
