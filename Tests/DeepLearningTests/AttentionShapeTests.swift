import Testing
@testable import DeepLearning

/// Shape mistakes in the attention layers stop with a message naming the operation, the shapes
/// and the fix: the messages themselves, and (as exit tests) that the layers stop with them.
extension DeepLearningTests {
@Suite("Attention shape errors")
struct AttentionShapeTests {
    @Test func messages() {
        #expect(ShapeMessages.keyPadding(got: [2, 7], batch: 2, keys: 9) ==
            "scaledDotProductAttention: the key padding mask has shape [2, 7] but the keys are 2 sequences of 9 positions; it needs shape [2, 9] (1 marks a padded position, which no query attends to) — a mask of length 7 was probably built for sequences padded to 7, not 9")
        #expect(ShapeMessages.keyPadding(got: [9, 2], batch: 2, keys: 9).hasSuffix("it looks transposed; use mask.transposed()"))
        #expect(ShapeMessages.headsDivide(embedding: 10, heads: 3) ==
            "MultiHeadAttention(embedding: 10, heads: 3): 3 heads do not divide the embedding size 10, so the heads cannot share it equally; use a head count among 1, 2, 5, 10, or an embedding size that is a multiple of 3 (e.g. 12)")
        #expect(ShapeMessages.layerNorm(features: 64, got: [2, 10, 32]) ==
            "LayerNorm(64) normalises the last dimension, which must have 64 features, got shape [2, 10, 32]; for this input use LayerNorm(32)")
        #expect(ShapeMessages.attentionOperands(query: [2, 4, 8, 16], key: [2, 4, 8, 32], value: [2, 4, 8, 16])
            .hasSuffix("query and key need the same feature size d (last dimension): 16 ≠ 32"))
        #expect(ShapeMessages.attentionOperands(query: [2, 8, 64], key: [2, 8, 64], value: [2, 8, 64])
            .contains("split the embedding into heads first"))
        #expect(ShapeMessages.attentionOperands(query: [2, 4, 8, 16], key: [2, 4, 8, 16], value: [2, 4, 6, 16])
            .hasSuffix("key and value need the same number of positions S (dimension 2): 8 ≠ 6"))
        #expect(ShapeMessages.attentionInput("MultiHeadAttention(embedding: 8, heads: 2)", embedding: 8, got: [5, 8])
            .hasSuffix("got shape [5, 8]; add a batch axis with .unsqueezed(at: 0)"))
        #expect(ShapeMessages.sequenceTooLong("LearnedPositionEncoding(length: 64, dimension: 32)", length: 80, maximum: 64)
            .contains("the sequence has 80 positions but the encoding covers 64"))
    }

    @Test func aPaddingMaskOfTheWrongLengthStops() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor.zeros([2, 9, 8])
            _ = MultiHeadAttention(embedding: 8, heads: 2)(x, causal: false, keyPadding: .keyPaddingMask(lengths: [7, 5], length: 7))
        }
        FailureMessageTests.expectStandardError(result, contains: "the key padding mask has shape [2, 7] but the keys are 2 sequences of 9 positions; it needs shape [2, 9]")
    }

    @Test func headsThatDoNotDivideTheEmbeddingStop() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = MultiHeadAttention(embedding: 10, heads: 3)
        }
        FailureMessageTests.expectStandardError(result, contains: "3 heads do not divide the embedding size 10")
    }

    @Test func layerNormOfTheWrongWidthStops() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = LayerNorm(64)(Tensor.zeros([2, 10, 32]))
        }
        FailureMessageTests.expectStandardError(result, contains: "LayerNorm(64) normalises the last dimension, which must have 64 features, got shape [2, 10, 32]; for this input use LayerNorm(32)")
    }

    @Test func mismatchedQueryAndKeyStop() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = scaledDotProductAttention(Tensor.zeros([1, 2, 3, 4]), Tensor.zeros([1, 2, 3, 5]), Tensor.zeros([1, 2, 3, 4]))
        }
        FailureMessageTests.expectStandardError(result, contains: "query and key need the same feature size d (last dimension): 4 ≠ 5")
    }

    @Test func aSequenceLongerThanTheEncodingStops() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = LearnedPositionEncoding(length: 4, dimension: 2)(Tensor.zeros([1, 6, 2]))
        }
        FailureMessageTests.expectStandardError(result, contains: "LearnedPositionEncoding(length: 4, dimension: 2): the sequence has 6 positions but the encoding covers 4")
    }
}
}
