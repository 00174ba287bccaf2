/// The indices `0..<total` of the `count` smallest scores, smallest first (ties to the lower
/// index), keeping a sorted list of the best so far: one comparison for almost every index,
/// since few beat the current `count`-th best.
///
///     smallestScores(count: 2, of: 4) { [3, 1, 2, 1][$0] }   // [1, 3]
func smallestScores(count: Int, of total: Int, score: (Int) -> Float) -> [Int] {
    let keep = min(count, total)
    guard keep > 0 else { return [] }
    var scores = [Float](repeating: .infinity, count: keep)
    var indices = [Int](repeating: -1, count: keep)
    var filled = 0
    var worst = Float.infinity
    scores.withUnsafeMutableBufferPointer { s in
        indices.withUnsafeMutableBufferPointer { idx in
            for candidate in 0..<total {
                let value = score(candidate)
                if filled == keep && !(value < worst) { continue }
                // Insert before the first strictly larger score, so equal scores keep index order.
                var position = filled == keep ? keep - 1 : filled
                while position > 0 && s[position - 1] > value {
                    s[position] = s[position - 1]; idx[position] = idx[position - 1]
                    position -= 1
                }
                s[position] = value; idx[position] = candidate
                if filled < keep { filled += 1 }
                worst = filled == keep ? s[keep - 1] : .infinity
            }
        }
    }
    return Array(indices[0..<filled])
}
