import NumericCore

import Foundation

/// Scaled dot-product attention as one recorded operation with a hand-written backward pass:
/// `softmax(Q·Kᵀ/√d + mask) · V` for every (batch row, head) block of `[N, heads, T, d]`
/// queries, `[N, heads, S, d]` keys and `[N, heads, S, dᵥ]` values, giving `[N, heads, T, dᵥ]`.
///
///     let out = scaledDotProductAttention(q, k, v, causal: true)
///     let padded = scaledDotProductAttention(q, k, v, keyPadding: .keyPaddingMask(lengths: [64, 40], length: 64))
///
/// - `causal`: query `i` sees keys `0...i` only (PyTorch's `is_causal`, aligned top-left).
/// - `keyPadding`: `[N, S]`, nonzero marks a padded key position that no query of that batch
///   row attends to (PyTorch's `key_padding_mask`). A query that sees no key at all gives a
///   zero output row and passes no gradient (PyTorch gives NaN there).
/// - `dropout`: the probability of zeroing an attention weight (the rest are scaled by
///   1/(1−p)), drawn from the engine's seeded generator; pass 0 in evaluation, as
///   `MultiHeadAttention` does outside training.
///
/// Memory: the forward pass keeps only one float per query row, the log of its softmax
/// denominator (row maximum plus log-sum), and no `[T, S]` matrix. The backward pass
/// recomputes each block's scores `Q·Kᵀ` (one `T×S×d` product, cheaper than holding
/// `N·heads·T·S` floats between passes) and redraws the dropout pattern from the seed the
/// forward pass used. Blocks are independent and each writes its own slice of the results,
/// so the values do not depend on how many cores run them.
public func scaledDotProductAttention(_ query: Tensor, _ key: Tensor, _ value: Tensor, causal: Bool = false,
                                      keyPadding: Tensor? = nil, dropout: Float = 0) -> Tensor {
    AttentionKernel(query, key, value, causal: causal, keyPadding: keyPadding, dropout: dropout).run()
}

/// The attention weights `softmax(Q·Kᵀ/√d + mask)`, `[N, heads, T, S]`, without recording a
/// gradient: for drawing them (the product itself never keeps them).
///
///     let weights = attentionWeights(q, k, causal: true)   // each row sums to 1
public func attentionWeights(_ query: Tensor, _ key: Tensor, causal: Bool = false, keyPadding: Tensor? = nil) -> Tensor {
    AttentionKernel(query, key, key, causal: causal, keyPadding: keyPadding, dropout: 0, valueChecked: false).weights()
}

/// The shapes, mask and dropout of one attention call, and the per-block kernels.
struct AttentionKernel {
    let query: Tensor, key: Tensor, value: Tensor, keyPadding: Tensor?
    let batch: Int, heads: Int, queries: Int, keys: Int, depth: Int, valueDepth: Int
    let scale: Float, dropout: Float
    let visibility: AttentionVisibility
    /// The seed of the dropout pattern, drawn once per call so the backward pass can redraw it.
    let dropoutSeed: UInt64

    init(_ query: Tensor, _ key: Tensor, _ value: Tensor, causal: Bool, keyPadding: Tensor?, dropout: Float,
         valueChecked: Bool = true) {
        let q = query.shape, k = key.shape, v = value.shape
        guard q.count == 4, k.count == 4, v.count == 4, q[0] == k[0], k[0] == v[0], q[1] == k[1], k[1] == v[1],
              q[3] == k[3], !valueChecked || k[2] == v[2] else {
            shapeFailure(ShapeMessages.attentionOperands(query: q, key: k, value: v))
        }
        if let keyPadding, keyPadding.shape != [q[0], k[2]] {
            shapeFailure(ShapeMessages.keyPadding(got: keyPadding.shape, batch: q[0], keys: k[2]))
        }
        guard (0..<1).contains(dropout) else {
            shapeFailure("scaledDotProductAttention: dropout \(dropout) is not a probability in [0, 1)")
        }
        self.query = query; self.key = key; self.value = value; self.keyPadding = keyPadding
        batch = q[0]; heads = q[1]; queries = q[2]; keys = k[2]; depth = q[3]; valueDepth = v[3]
        scale = 1 / Float(Swift.max(depth, 1)).squareRoot()
        self.dropout = dropout
        visibility = AttentionVisibility(causal: causal, padding: keyPadding.map { UnsafePointer($0.pointer) }, keys: keys)
        dropoutSeed = dropout > 0 ? GlobalGenerator.generator.next() : 0
    }

    var blocks: Int { batch * heads }

    /// Runs `body` for ranges of blocks, over the cores when the products are large enough,
    /// each chunk with its own scratch of `matrices` `[T, S]` matrices.
    func forEachBlockChunk(matrices: Int, _ body: (Range<Int>, [UnsafeMutablePointer<Float>]) -> Void) {
        let work = blocks * queries * keys * (depth + valueDepth)
        Gemm.singleThreadedBLAS {
            func run(_ range: Range<Int>) {
                let scratch = Tensor.uninitialized([matrices, queries * keys])
                body(range, (0..<matrices).map { scratch.pointer + $0 * queries * keys })
            }
            if work >= Gemm.parallelWork / 4, blocks >= 2 {
                Parallel.forChunks(0..<blocks, minChunk: 1, run)
            } else {
                run(0..<blocks)
            }
        }
    }

    /// The block's scaled scores `Q·Kᵀ/√d` into `scores` (`[T, S]`).
    func scores(_ block: Int, into scores: UnsafeMutablePointer<Float>) {
        Gemm.serial(transB: .transposed, m: queries, n: keys, k: depth,
                    a: query.pointer + block * queries * depth, lda: depth,
                    b: key.pointer + block * keys * depth, ldb: depth, c: scores, ldc: keys)
        let count = queries * keys
        for i in 0..<count { scores[i] *= scale }
    }

    /// Turns the block's scores into masked softmax weights in place, storing each row's
    /// log-denominator in `logSums` (+∞ for a row that sees no key).
    func softmaxForward(_ block: Int, _ p: UnsafeMutablePointer<Float>, logSums: UnsafeMutablePointer<Float>) {
        let row = block / heads
        for i in 0..<queries {
            let line = p + i * keys
            var top = -Float.infinity
            for j in 0..<keys where visibility.allows(row: row, query: i, key: j) { top = Swift.max(top, line[j]) }
            guard top > -Float.infinity else {
                line.update(repeating: 0, count: keys)
                logSums[i] = .infinity
                continue
            }
            var total: Float = 0
            for j in 0..<keys {
                let weight = visibility.allows(row: row, query: i, key: j) ? FastActivations.exp(line[j] - top) : 0
                line[j] = weight
                total += weight
            }
            let inverse = 1 / total
            for j in 0..<keys { line[j] *= inverse }
            logSums[i] = top + Foundation.log(total)
        }
    }

    /// Rebuilds the block's softmax weights from its scores and saved log-denominators.
    func softmaxRecomputed(_ block: Int, _ p: UnsafeMutablePointer<Float>, logSums: UnsafePointer<Float>) {
        let row = block / heads
        for i in 0..<queries {
            let line = p + i * keys, shift = logSums[i]
            for j in 0..<keys {
                line[j] = visibility.allows(row: row, query: i, key: j) && shift < .infinity ? FastActivations.exp(line[j] - shift) : 0
            }
        }
    }

    /// The block's dropout factors (0 or 1/(1−p)), `[T, S]`, the same on every call.
    func dropoutFactors(_ block: Int, into factors: UnsafeMutablePointer<Float>) {
        var generator = SeededGenerator(seed: dropoutSeed &+ UInt64(block) &* 0x9E37_79B9_7F4A_7C15)
        let keep = 1 / (1 - dropout)
        for i in 0..<(queries * keys) { factors[i] = generator.nextFloat() < dropout ? 0 : keep }
    }

    func run() -> Tensor {
        let result = Tensor.uninitialized([batch, heads, queries, valueDepth])
        let logSums = Tensor.uninitialized([batch, heads, queries])
        forEachBlockChunk(matrices: dropout > 0 ? 2 : 1) { range, scratch in
            let p = scratch[0]
            for block in range {
                scores(block, into: p)
                softmaxForward(block, p, logSums: logSums.pointer + block * queries)
                if dropout > 0 {
                    dropoutFactors(block, into: scratch[1])
                    for i in 0..<(queries * keys) { p[i] *= scratch[1][i] }
                }
                Gemm.serial(m: queries, n: valueDepth, k: keys, a: p, lda: keys,
                            b: value.pointer + block * keys * valueDepth, ldb: valueDepth,
                            c: result.pointer + block * queries * valueDepth, ldc: valueDepth)
            }
        }
        let parents = [query, key, value]
        return Tensor.record(result, "scaledDotProductAttention", parents) { g in
            backward(g, logSums)
        }
    }

    func weights() -> Tensor {
        let result = Tensor.uninitialized([batch, heads, queries, keys])
        let logSums = Tensor.uninitialized([batch, heads, queries])
        forEachBlockChunk(matrices: 0) { range, _ in
            for block in range {
                let p = result.pointer + block * queries * keys
                scores(block, into: p)
                softmaxForward(block, p, logSums: logSums.pointer + block * queries)
            }
        }
        return result
    }

    /// Per block: dV = P̃ᵀ·dO, dP̃ = dO·Vᵀ, dP = dP̃ ⊙ dropout, dS = P ⊙ (dP − rowsum(dP ⊙ P)) / √d,
    /// dQ = dS·K, dK = dSᵀ·Q, where P̃ is P with dropout applied.
    private func backward(_ g: Tensor, _ logSums: Tensor) {
        let dQ = query.requiresGrad ? Tensor.uninitialized(query.shape) : nil
        let dK = key.requiresGrad ? Tensor.uninitialized(key.shape) : nil
        let dV = value.requiresGrad ? Tensor.uninitialized(value.shape) : nil
        forEachBlockChunk(matrices: dropout > 0 ? 3 : 2) { range, scratch in
            let p = scratch[0], dP = scratch[1]
            for block in range {
                let qBlock = query.pointer + block * queries * depth, kBlock = key.pointer + block * keys * depth
                let vBlock = value.pointer + block * keys * valueDepth, gBlock = g.pointer + block * queries * valueDepth
                scores(block, into: p)
                softmaxRecomputed(block, p, logSums: logSums.pointer + block * queries)
                let factors: UnsafeMutablePointer<Float>? = dropout > 0 ? scratch[2] : nil
                if let factors {
                    dropoutFactors(block, into: factors)
                    // dP first holds the dropped weights P̃ for dV.
                    for i in 0..<(queries * keys) { dP[i] = p[i] * factors[i] }
                }
                if let dV {
                    Gemm.serial(transA: .transposed, m: keys, n: valueDepth, k: queries, a: factors == nil ? p : dP, lda: keys,
                                b: gBlock, ldb: valueDepth, c: dV.pointer + block * keys * valueDepth, ldc: valueDepth)
                }
                guard dQ != nil || dK != nil else { continue }
                Gemm.serial(transB: .transposed, m: queries, n: keys, k: valueDepth, a: gBlock, lda: valueDepth,
                            b: vBlock, ldb: valueDepth, c: dP, ldc: keys)
                if let factors { for i in 0..<(queries * keys) { dP[i] *= factors[i] } }
                for i in 0..<queries {
                    let weights = p + i * keys, grads = dP + i * keys
                    var dot: Float = 0
                    for j in 0..<keys { dot += grads[j] * weights[j] }
                    for j in 0..<keys { grads[j] = weights[j] * (grads[j] - dot) * scale }
                }
                if let dQ {
                    Gemm.serial(m: queries, n: depth, k: keys, a: dP, lda: keys, b: kBlock, ldb: depth,
                                c: dQ.pointer + block * queries * depth, ldc: depth)
                }
                if let dK {
                    Gemm.serial(transA: .transposed, m: keys, n: depth, k: queries, a: dP, lda: keys, b: qBlock, ldb: depth,
                                c: dK.pointer + block * keys * depth, ldc: depth)
                }
            }
        }
        if let dQ { query.accumulateGrad(dQ) }
        if let dK { key.accumulateGrad(dK) }
        if let dV { value.accumulateGrad(dV) }
    }
}
