import Testing
import NumericCore
@testable import Datasets

/// The character-level corpus: vocabulary, encoding, splits and batches.
@Suite struct CharCorpusTests {
    @Test func vocabularyIsSortedAndEncodingRoundTrips() throws {
        let corpus = try CharCorpus(text: "to be, or not to be", name: "hamlet")
        #expect(corpus.vocabulary == [" ", ",", "b", "e", "n", "o", "r", "t"])
        #expect(corpus.count == 19 && corpus.vocabularySize == 8)
        let tokens = try corpus.encode("not to be")
        #expect(tokens == [4, 5, 7, 0, 7, 5, 0, 2, 3])
        #expect(try corpus.decode(tokens) == "not to be")
        #expect(try corpus.decode(corpus.tokens) == "to be, or not to be")
        #expect(String(describing: corpus) == "hamlet: 19 characters, vocabulary of 8")
    }

    @Test func unknownCharactersAndTokensThrow() throws {
        let corpus = try CharCorpus(text: "abc")
        #expect(throws: CharCorpusError.unknownCharacter("z", position: 2, vocabularySize: 3)) { try corpus.encode("abz") }
        #expect(throws: CharCorpusError.tokenOutOfRange(3, position: 1, vocabularySize: 3)) { try corpus.decode([0, 3]) }
        #expect(throws: CharCorpusError.tokenOutOfRange(-1, position: 0, vocabularySize: 3)) { try corpus.decode([-1]) }
        #expect(throws: CharCorpusError.emptyText) { try CharCorpus(text: "") }
        let message = String(describing: CharCorpusError.unknownCharacter("é", position: 4, vocabularySize: 3))
        #expect(message.contains("U+00E9") && message.contains("position 4"))
    }

    @Test func splitKeepsOrderAndSizes() throws {
        let corpus = try CharCorpus(text: String(repeating: "abcdefghij", count: 10))
        let (train, heldOut) = try corpus.split(heldOutFraction: 0.1)
        #expect(train.count == 90 && heldOut.count == 10)
        #expect(train + heldOut == corpus.tokens)
        #expect(throws: CharCorpusError.self) { try corpus.split(heldOutFraction: 1) }
        #expect(throws: CharCorpusError.self) { try corpus.split(heldOutFraction: 0.001) }
    }

    @Test func batchesAreWindowsWithShiftedTargets() throws {
        let tokens = Array(0..<50)
        var rng = SeededGenerator(seed: 4), again = SeededGenerator(seed: 4)
        let batch = try CharCorpus.batch(from: tokens, size: 6, length: 8, using: &rng)
        #expect(batch == (try CharCorpus.batch(from: tokens, size: 6, length: 8, using: &again)))
        #expect(batch.inputs.count == 48 && batch.targets.count == 48)
        for row in 0..<6 {
            let inputs = batch.inputs[(row * 8)..<(row * 8 + 8)], targets = batch.targets[(row * 8)..<(row * 8 + 8)]
            #expect(zip(inputs, targets).allSatisfy { $1 == $0 + 1 })        // the next token
            #expect(zip(inputs.dropFirst(), inputs).allSatisfy { $0 == $1 + 1 })   // consecutive
        }
        let windows = try CharCorpus.consecutiveWindows(from: tokens, length: 8)
        #expect(windows.size == 6 && windows.inputs == Array(0..<48) && windows.targets == Array(1...48))
        let overlapping = try CharCorpus.consecutiveWindows(from: tokens, length: 8, stride: 4)
        #expect(overlapping.size == 11 && overlapping.inputs[8..<16] == ArraySlice(4..<12))
        #expect(overlapping.targets.suffix(8) == ArraySlice(41...48))
        #expect(throws: CharCorpusError.self) { try CharCorpus.batch(from: tokens, size: 2, length: 50, using: &rng) }
    }

    @Test func bundledMacbethLoads() throws {
        let macbeth = try CharCorpus.macbeth
        #expect(macbeth.count > 90_000 && macbeth.count < 120_000)
        #expect(macbeth.vocabularySize == 67)
        #expect(try macbeth.decode(Array(macbeth.tokens.prefix(7))) == "MACBETH")
        #expect(macbeth.vocabulary.contains("\n"))
    }
}
