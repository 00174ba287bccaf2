import Foundation
import Testing
import NumericCore
@testable import ClassicalML

/// The character n-gram model with interpolated Kneser–Ney smoothing.
@Suite struct NGramLanguageModelTests {
    /// "ababc" over {a, b, c} = {0, 1, 2}: small enough to work out by hand.
    let handWorked: [Int] = [0, 1, 0, 1, 2]

    @Test func probabilitiesSumToOneForAnyContext() throws {
        var rng = SeededGenerator(seed: 3)
        let training = (0..<2_000).map { _ in rng.nextInt(below: 3) == 0 ? rng.nextInt(below: 6) : rng.nextInt(below: 3) }
        for order in 1...4 {
            let model = try NGramLanguageModel(order: order, vocabularySize: 7, training: training)   // symbol 6 never seen
            for _ in 0..<50 {
                let context = (0..<rng.nextInt(below: 6)).map { _ in rng.nextInt(below: 7) }
                let p = try model.probabilities(after: context)
                #expect(abs(p.reduce(0, +) - 1) < 1e-12)
                #expect(p.allSatisfy { $0 > 0 })
                for symbol in 0..<7 { #expect(abs(try model.probability(of: symbol, after: context) - p[symbol]) < 1e-15) }
            }
        }
    }

    @Test func aBigramModelWorkedOutByHand() throws {
        let model = try NGramLanguageModel(order: 2, vocabularySize: 3, training: handWorked, discount: 0.5)
        // Continuation counts of the unigrams: each of a, b, c follows one distinct symbol (ba, ab, bc),
        // so P(w) = (1 − ½)/3 + ½·3/3·⅓ = ⅓.
        for symbol in 0..<3 { #expect(abs(try model.probability(of: symbol, after: []) - 1.0 / 3) < 1e-12) }
        // After a: "ab" twice, nothing else. P(b|a) = (2 − ½)/2 + ½·1/2·⅓ = 5/6, the others 1/12.
        let afterA = try model.probabilities(after: [0])
        #expect(zip(afterA, [1.0 / 12, 5.0 / 6, 1.0 / 12]).allSatisfy { abs($0 - $1) < 1e-12 })
        // After b: "ba" and "bc" once each. P(a|b) = ½/2 + ½·2/2·⅓ = 5/12 = P(c|b), P(b|b) = ⅙.
        let afterB = try model.probabilities(after: [1])
        #expect(zip(afterB, [5.0 / 12, 1.0 / 6, 5.0 / 12]).allSatisfy { abs($0 - $1) < 1e-12 })
        // c is never followed by anything: its context is skipped, leaving the unigram level.
        #expect(try model.probabilities(after: [2]).allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
        // Only the last symbol of a longer context counts for a bigram model.
        #expect(try model.probabilities(after: [2, 2, 0]) == afterA)
    }

    @Test func neysDiscountEstimate() throws {
        // Bigram counts ab 2, ba 1, bc 1: n₁ = 2, n₂ = 1, D = 2 / (2 + 2·1) = ½. The unigram
        // continuation counts are all 1 (no n₂), so that order falls back to ½.
        let model = try NGramLanguageModel(order: 2, vocabularySize: 3, training: handWorked)
        #expect(model.discounts == [0.5, 0.5])
    }

    @Test func crossEntropyOfKnownTexts() throws {
        // A uniform unigram model over four symbols is exactly two bits per symbol.
        let uniform = Array(repeating: [0, 1, 2, 3], count: 100).flatMap { $0 }
        let unigram = try NGramLanguageModel(order: 1, vocabularySize: 4, training: uniform)
        #expect(abs(try unigram.crossEntropy(of: [3, 1, 0, 2, 2]) - 2) < 1e-12)
        #expect(abs(try unigram.perplexity(of: [3, 1]) - 4) < 1e-9)
        // The hand-worked bigram model on "abc": −(log₂ ⅓ + log₂ 5/6 + log₂ 5/12) / 3.
        let bigram = try NGramLanguageModel(order: 2, vocabularySize: 3, training: handWorked, discount: 0.5)
        let expected = -(log2(1.0 / 3) + log2(5.0 / 6) + log2(5.0 / 12)) / 3
        #expect(abs(try bigram.crossEntropy(of: [0, 1, 2]) - expected) < 1e-12)
        // Scoring from the second symbol on keeps the first as context only.
        let fromSecond = -(log2(5.0 / 6) + log2(5.0 / 12)) / 2
        #expect(abs(try bigram.crossEntropy(of: [0, 1, 2], scoringFrom: 1) - fromSecond) < 1e-12)
        // A periodic text is almost certain to a trigram model, and a longer context never hurts there.
        let periodic = try NGramLanguageModel(order: 3, vocabularySize: 4, training: uniform)
        #expect(try periodic.crossEntropy(of: Array(uniform.prefix(40))) < 0.2)
    }

    @Test func samplingIsSeededAndFollowsTheData() throws {
        let periodic = Array(repeating: [0, 1, 2, 3], count: 100).flatMap { $0 }
        let model = try NGramLanguageModel(order: 3, vocabularySize: 4, training: periodic)
        var first = SeededGenerator(seed: 9), second = SeededGenerator(seed: 9)
        let a = try model.sample(count: 40, prompt: [0, 1], using: &first)
        let b = try model.sample(count: 40, prompt: [0, 1], using: &second)
        #expect(a == b)
        let following = zip([1] + a.dropLast(), a).filter { ($0 + 1) % 4 == $1 }.count
        #expect(following >= 36)   // nearly every drawn symbol continues the cycle
        var cold = SeededGenerator(seed: 9)
        #expect(try model.sample(count: 12, prompt: [0, 1], temperature: 0.01, using: &cold) == [2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1])
    }

    @Test func badInputThrowsClearErrors() throws {
        let model = try NGramLanguageModel(order: 2, vocabularySize: 3, training: handWorked)
        #expect(throws: LanguageModelError.tokenOutOfRange(token: 7, position: 1, vocabularySize: 3)) {
            try model.crossEntropy(of: [0, 7])
        }
        #expect(throws: LanguageModelError.self) { try NGramLanguageModel(order: 0, vocabularySize: 3, training: handWorked) }
        #expect(throws: LanguageModelError.self) { try NGramLanguageModel(order: 2, vocabularySize: 3, training: [], discount: nil) }
        #expect(throws: LanguageModelError.self) { try NGramLanguageModel(order: 2, vocabularySize: 3, training: [0, 3]) }
        #expect(throws: LanguageModelError.self) { try NGramLanguageModel(order: 2, vocabularySize: 3, training: handWorked, discount: 1) }
        #expect(throws: LanguageModelError.self) { try NGramLanguageModel(order: 40, vocabularySize: 70, training: handWorked) }
        let message = String(describing: LanguageModelError.tokenOutOfRange(token: 7, position: 1, vocabularySize: 3))
        #expect(message.contains("0..<3"))
    }
}
