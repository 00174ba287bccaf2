/// Moving between the `[N, T, heads·d]` layout of projections and the `[N, heads, T, d]`
/// layout attention works in, as single recorded copies (a reshape and permute would copy
/// through a general strided loop, and a slice of the joint Q/K/V projection once more).
///
///     let q = Tensor.splitHeads(qkv, columns: 0..<128, heads: 4)   // [N, T, 384] → [N, 4, T, 32]
///     let merged = Tensor.mergeHeads(attended)                      // [N, 4, T, 32] → [N, T, 128]
extension Tensor {
    /// Columns `columns` of every position of `[N, T, C]`, split into `heads` equal parts: `[N, heads, T, width/heads]`.
    static func splitHeads(_ input: Tensor, columns: Range<Int>, heads: Int) -> Tensor {
        let batch = input.shape[0], steps = input.shape[1]
        let layout = HeadLayout(batch: batch, steps: steps, heads: heads, depth: columns.count / heads,
                                width: input.shape[2], first: columns.lowerBound)
        let result = uninitialized([batch, heads, steps, layout.depth])
        layout.copy(sequence: input.pointer, heads: result.pointer, toHeads: true, adding: false)
        return record(result, "splitHeads", [input]) { g in
            input.accumulateGrad { dst, accumulate in
                if !accumulate { dst.update(repeating: 0, count: input.count) }
                layout.copy(sequence: dst, heads: g.pointer, toHeads: false, adding: true)
            }
        }
    }

    /// `[N, heads, T, d]` → `[N, T, heads·d]`, the heads of each position side by side.
    static func mergeHeads(_ input: Tensor) -> Tensor {
        let layout = HeadLayout(batch: input.shape[0], steps: input.shape[2], heads: input.shape[1], depth: input.shape[3],
                                width: input.shape[1] * input.shape[3], first: 0)
        let result = uninitialized([layout.batch, layout.steps, layout.width])
        layout.copy(sequence: result.pointer, heads: input.pointer, toHeads: false, adding: false)
        return record(result, "mergeHeads", [input]) { g in
            input.accumulateGrad { dst, accumulate in
                layout.copy(sequence: g.pointer, heads: dst, toHeads: true, adding: accumulate)
            }
        }
    }
}

/// Where each (sample, head, step) run of `depth` floats sits in the two layouts.
private struct HeadLayout {
    let batch: Int, steps: Int, heads: Int, depth: Int
    /// Columns of the sequence layout, and the first column of the heads' part.
    let width: Int, first: Int

    /// Copies (or adds) every run from one layout into the other.
    func copy(sequence: UnsafeMutablePointer<Float>, heads headMajor: UnsafeMutablePointer<Float>, toHeads: Bool, adding: Bool) {
        for n in 0..<batch {
            for h in 0..<heads {
                for t in 0..<steps {
                    let inSequence = sequence + (n * steps + t) * width + first + h * depth
                    let inHeads = headMajor + ((n * heads + h) * steps + t) * depth
                    let source = toHeads ? inSequence : inHeads, destination = toHeads ? inHeads : inSequence
                    if adding {
                        for i in 0..<depth { destination[i] += source[i] }
                    } else {
                        destination.update(from: source, count: depth)
                    }
                }
            }
        }
    }
}
