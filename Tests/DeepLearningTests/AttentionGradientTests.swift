import Foundation
import Testing
@testable import DeepLearning

/// Finite-difference checks of every operation the attention layers add (and of the batched
/// product they build on), with masks, dropout and unequal query/key lengths.
extension DeepLearningTests {
@Suite("Attention gradients")
struct AttentionGradientTests {
    @Test(arguments: [false, true])
    func batchedMatmul(_ transposingB: Bool) {
        let a = sample([2, 3, 4], seed: 1), b = sample(transposingB ? [2, 5, 4] : [2, 4, 5], seed: 2)
        checkGradients([a, b]) { matmul($0[0], $0[1], transposingB: transposingB) }
    }

    @Test func layerNorm() {
        let x = sample([2, 3, 5], seed: 3, in: -2...2), weight = sample([5], seed: 4, in: 0.5...1.5), bias = sample([5], seed: 5)
        checkGradients([x, weight, bias]) { Tensor.layerNorm($0[0], weight: $0[1], bias: $0[2]) }
    }

    @Test func layerNormNormalisesEachRow() {
        let y = withoutGradients { LayerNorm(7)(sample([3, 7], seed: 6, in: -4...9)) }
        for row in y.array {
            let mean = row.reduce(0, +) / 7
            let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 7
            #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-3)
        }
    }

    static let maskings: [(causal: Bool, padded: Bool)] = [(false, false), (true, false), (false, true), (true, true)]

    @Test(arguments: 0..<4)
    func attention(_ masking: Int) {
        let (causal, padded) = Self.maskings[masking]
        let q = sample([2, 2, 4, 3], seed: 7, in: -1.5...1.5), k = sample([2, 2, 4, 3], seed: 8, in: -1.5...1.5)
        let v = sample([2, 2, 4, 2], seed: 9)
        let padding = padded ? Tensor.keyPaddingMask(lengths: [4, 2], length: 4) : nil
        checkGradients([q, k, v]) { scaledDotProductAttention($0[0], $0[1], $0[2], causal: causal, keyPadding: padding) }
    }

    @Test func crossAttentionWithMoreKeysThanQueries() {
        let q = sample([2, 1, 3, 4], seed: 10), k = sample([2, 1, 6, 4], seed: 11), v = sample([2, 1, 6, 5], seed: 12)
        let padding = Tensor.keyPaddingMask(lengths: [6, 4], length: 6)
        checkGradients([q, k, v]) { scaledDotProductAttention($0[0], $0[1], $0[2], keyPadding: padding) }
    }

    @Test func attentionWithDropout() {
        let q = sample([1, 2, 4, 3], seed: 13), k = sample([1, 2, 4, 3], seed: 14), v = sample([1, 2, 4, 3], seed: 15)
        // The same seed before every evaluation fixes the dropout pattern for the finite differences.
        checkGradients([q, k, v]) { inputs in
            Tensor.seed(3)
            return scaledDotProductAttention(inputs[0], inputs[1], inputs[2], causal: true, dropout: 0.3)
        }
    }

    @Test func dropoutKeepsTheExpectedShareAndIsReproducible() {
        let q = sample([2, 4, 16, 8], seed: 16), k = sample([2, 4, 16, 8], seed: 17)
        let v = Tensor.ones([2, 4, 16, 1])
        Tensor.seed(5)
        let first = scaledDotProductAttention(q, k, v, dropout: 0.25)
        Tensor.seed(5)
        let second = scaledDotProductAttention(q, k, v, dropout: 0.25)
        #expect(first.scalars == second.scalars)
        // With V = 1 each output is the sum of the kept weights / 0.75: 1 on average.
        let mean = first.scalars.reduce(0, +) / Float(first.count)
        #expect(abs(mean - 1) < 0.05)
        #expect(first.scalars.contains { abs($0 - 1) > 0.05 })
        let plain = scaledDotProductAttention(q, k, v)
        #expect(plain.scalars.allSatisfy { abs($0 - 1) < 1e-5 })
    }

    @Test func attentionWeightsAreTheMaskedSoftmax() {
        let q = sample([1, 1, 3, 2], seed: 18), k = sample([1, 1, 3, 2], seed: 19)
        let weights = attentionWeights(q, k, causal: true).scalars
        // Row 0 sees only key 0; rows sum to 1; nothing above the diagonal.
        #expect(abs(weights[0] - 1) < 1e-6 && weights[1] == 0 && weights[2] == 0 && weights[5] == 0)
        for row in 0..<3 { #expect(abs(weights[(row * 3)..<(row * 3 + 3)].reduce(0, +) - 1) < 1e-5) }
        // Against the definition, by hand: softmax(q·kᵀ/√2) over the visible keys of row 2.
        let qs = q.scalars, ks = k.scalars
        let scores = (0..<3).map { j in (qs[4] * ks[2 * j] + qs[5] * ks[2 * j + 1]) / Float(2).squareRoot() }
        let exps = scores.map { expf($0) }, total = exps.reduce(0, +)
        #expect(close(Array(weights[6..<9]), exps.map { $0 / total }, tolerance: 1e-5))
    }

    @Test func aQueryThatSeesNoKeyGivesZeros() {
        let q = sample([1, 1, 2, 2], seed: 20), k = sample([1, 1, 2, 2], seed: 21), v = sample([1, 1, 2, 2], seed: 22)
        [q, k, v].forEach { $0.requiresGrad = true }
        let out = scaledDotProductAttention(q, k, v, keyPadding: Tensor.keyPaddingMask(lengths: [0], length: 2))
        #expect(out.scalars == [0, 0, 0, 0])
        out.sum().backward()
        #expect(q.grad!.scalars.allSatisfy { $0 == 0 } && k.grad!.scalars.allSatisfy { $0 == 0 })
    }

    @Test func headLayouts() {
        let x = sample([2, 3, 12], seed: 23)
        checkGradients([x]) { Tensor.splitHeads($0[0], columns: 4..<12, heads: 2) }
        let heads = sample([2, 2, 3, 4], seed: 24)
        checkGradients([heads]) { Tensor.mergeHeads($0[0]) }
        // splitHeads of all columns, then mergeHeads, is the identity; and it equals reshape + permute.
        let all = withoutGradients { Tensor.splitHeads(x, columns: 0..<12, heads: 3) }
        #expect(all.scalars == x.reshaped([2, 3, 3, 4]).permuted([0, 2, 1, 3]).scalars)
        #expect(withoutGradients { Tensor.mergeHeads(all) }.scalars == x.scalars)
    }

    @Test(arguments: [false, true])
    func multiHeadAttention(_ cross: Bool) {
        Tensor.seed(30)
        let attention = MultiHeadAttention(embedding: 4, heads: 2)
        let x = sample([2, 3, 4], seed: 25), memory = sample([2, 4, 4], seed: 26)
        let parameters = [attention.inProjectionWeight, attention.inProjectionBias, attention.outProjection.weight]
        checkGradients([x, memory] + parameters) { inputs in
            cross ? attention(query: inputs[0], key: inputs[1], value: inputs[1], keyPadding: .keyPaddingMask(lengths: [4, 3], length: 4))
                : attention(inputs[0], causal: true) + inputs[1].sum() * 0
        }
    }

    @Test func attentionDropoutOnlyInTraining() {
        Tensor.seed(40)
        let attention = MultiHeadAttention(embedding: 8, heads: 2, dropout: 0.5)
        let x = sample([2, 6, 8], seed: 41)
        let reference = MultiHeadAttention(embedding: 8, heads: 2)
        for (mine, theirs) in zip(attention.parameters, reference.parameters) { theirs.assign(mine) }
        let plain = withoutGradients { reference(x) }.scalars
        let trained = withoutGradients { attention(x) }.scalars
        #expect(!close(trained, plain, tolerance: 1e-3))
        attention.eval()
        #expect(withoutGradients { attention(x) }.scalars == plain)
        let weights = attention.weights(x, causal: true)
        #expect(weights.shape == [2, 2, 6, 6])
        for row in 0..<(2 * 2 * 6) {
            let line = Array(weights.scalars[(row * 6)..<(row * 6 + 6)])
            #expect(abs(line.reduce(0, +) - 1) < 1e-5)
            #expect(line[(row % 6 + 1)...].allSatisfy { $0 == 0 })   // nothing after the query's own position
        }
    }

    @Test func positionEncodings() {
        Tensor.seed(31)
        let learned = LearnedPositionEncoding(length: 5, dimension: 4)
        let x = sample([2, 3, 4], seed: 27)
        checkGradients([x, learned.weight]) { inputs in learned(inputs[0]) }
        let sinusoidal = SinusoidalPositionEncoding(dimension: 4, length: 8)
        checkGradients([x]) { sinusoidal($0[0]) }
        #expect(sinusoidal.namedState.isEmpty && sinusoidal.parameterCount == 0)
        #expect(learned.namedParameters.map(\.name) == ["weight"])
    }

    @Test func sinusoidalTableFollowsTheFormula() {
        let table = SinusoidalPositionEncoding(dimension: 6, length: 10).encodings(10).array
        #expect(table[0] == [0, 1, 0, 1, 0, 1])
        for position in [1, 7] {
            let p = Double(position)
            let second: Double = p / pow(10_000, 2.0 / 6), third: Double = p / pow(10_000, 4.0 / 6)
            let angles: [Double] = [sin(p), cos(p), sin(second), cos(second), sin(third), cos(third)]
            let expected = angles.map { Float($0) }
            #expect(close(table[position], expected, tolerance: 1e-6))
        }
    }

    @Test(arguments: [TransformerBlock.Activation.gelu, .relu])
    func transformerBlock(_ activation: TransformerBlock.Activation) {
        Tensor.seed(32)
        let block = TransformerBlock(dimension: 4, heads: 2, hiddenDimension: 6, activation: activation, causal: true)
        let x = sample([2, 3, 4], seed: 28)
        checkGradients([x, block.norm1.weight, block.linear1.weight, block.selfAttention.inProjectionWeight]) { inputs in block(inputs[0]) }
        #expect(block.parameterCount == 2 * 4 * 2 + (3 * 4 * 4 + 3 * 4) + (4 * 4 + 4) + (4 * 6 + 6) + (6 * 4 + 4))
    }

    @Test func fastGELUAgreesWithGELUAndHasItsGradient() {
        let x = sample([3, 7], seed: 33, in: -5...5)   // 21 values: two full groups of eight and a tail
        let fast = withoutGradients { Tensor.fastGELU(x) }, reference = withoutGradients { x.gelu() }
        #expect(zip(fast.scalars, reference.scalars).allSatisfy { abs($0 - $1) <= 1e-6 })
        checkGradients([sample([2, 9], seed: 34, in: -3...3)]) { Tensor.fastGELU($0[0]) }
        let g = sample([3, 7], seed: 35), a = x.copy(), b = x.copy()
        a.requiresGrad = true; b.requiresGrad = true
        (Tensor.fastGELU(a) * g).sum().backward()
        (b.gelu() * g).sum().backward()
        #expect(zip(a.grad!.scalars, b.grad!.scalars).allSatisfy { abs($0 - $1) <= 1e-6 })
    }

    @Test func warmupThenCosine() {
        let p = Tensor.zeros([1]).asParameter()
        let optimizer = SGD([p], learningRate: 0.8)
        let schedule = WarmupCosineLR(optimizer, warmupSteps: 4, totalSteps: 12, minimum: 0.1)
        var rates = [optimizer.learningRate]
        for _ in 0..<14 { schedule.step(); rates.append(optimizer.learningRate) }
        #expect(close(Array(rates[0..<5]), [0.2, 0.4, 0.6, 0.8, 0.8], tolerance: 1e-6))
        #expect(abs(rates[8] - 0.45) < 1e-6)             // halfway down: (0.8 + 0.1) / 2
        #expect(rates[5] < rates[4] && rates[9] < rates[8])
        #expect(rates[12...].allSatisfy { abs($0 - 0.1) < 1e-6 })
    }
}
}
