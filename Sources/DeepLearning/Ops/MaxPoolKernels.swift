/// The common 2×2, stride-2 max pooling of one plane: eight outputs at a time with
/// `SIMD8<Float>` (each row's sixteen inputs split into even and odd columns), or four at a
/// time for rows of four to seven outputs; a row's last group overlaps the one before it
/// rather than leaving a tail (the overlapping outputs are written twice, with equal values),
/// so only rows of fewer than four outputs go one by one. Every choice is a select, pairwise
/// as `upper = max(a, b)`, `lower = max(c, d)`, `max(upper, lower)`, keeping the earlier
/// position on ties, so every path picks the same winner as comparing the four in row-major
/// order. Each winner's offset within the plane is kept as a float (exact below 2²⁴) for the
/// backward pass.
///
///     MaxPoolKernels.twoByTwo(plane, width: 26, output: out, winners: w, outputHeight: 13, outputWidth: 13)
enum MaxPoolKernels {
    static func twoByTwo(_ source: UnsafePointer<Float>, width: Int, output: UnsafeMutablePointer<Float>,
                         winners: UnsafeMutablePointer<Float>, outputHeight: Int, outputWidth: Int) {
        let lanes = SIMDAccess.width
        for oh in 0..<outputHeight {
            let top = 2 * oh * width
            let outputRow = output + oh * outputWidth, winnerRow = winners + oh * outputWidth
            // Eight outputs read columns 2·ow ..< 2·ow + 16 of both rows (four: 2·ow ..< 2·ow + 8),
            // all inside the rows, since 2·outputWidth ≤ width.
            if outputWidth >= lanes {
                var ow = 0
                while true {
                    let at = top + 2 * ow
                    eight(source + at, width: width, firstOffset: at, output: outputRow + ow, winners: winnerRow + ow)
                    if ow == outputWidth - lanes { break }
                    ow = Swift.min(ow + lanes, outputWidth - lanes)
                }
                continue
            }
            if outputWidth >= 4 {
                var ow = 0
                while true {
                    let at = top + 2 * ow
                    four(source + at, width: width, firstOffset: at, output: outputRow + ow, winners: winnerRow + ow)
                    if ow == outputWidth - 4 { break }
                    ow = Swift.min(ow + 4, outputWidth - 4)
                }
                continue
            }
            var ow = 0
            while ow < outputWidth {
                let at = top + 2 * ow
                let a = source[at], b = source[at + 1], c = source[at + width], d = source[at + width + 1]
                let upper = b > a ? b : a, upperWinner = b > a ? at + 1 : at
                let lower = d > c ? d : c, lowerWinner = d > c ? at + width + 1 : at + width
                let best = lower > upper ? lower : upper, winner = lower > upper ? lowerWinner : upperWinner
                outputRow[ow] = best
                winnerRow[ow] = Float(winner)
                ow += 1
            }
        }
    }

    /// Four neighbouring windows whose top-left input is `window` (plane offset `firstOffset`).
    /// (Written out rather than generic over the lane count: a generic select is not specialised
    /// here and costs ten times as much.)
    @inline(__always)
    private static func four(_ window: UnsafePointer<Float>, width: Int, firstOffset: Int,
                             output: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Float>) {
        let upperRow = UnsafeRawPointer(window).loadUnaligned(as: SIMD8<Float>.self)
        let lowerRow = UnsafeRawPointer(window + width).loadUnaligned(as: SIMD8<Float>.self)
        let a = upperRow.evenHalf, b = upperRow.oddHalf, c = lowerRow.evenHalf, d = lowerRow.oddHalf
        let upperOffset = Float(firstOffset) + SIMD4<Float>(0, 2, 4, 6)
        let lowerOffset = upperOffset + Float(width)
        let upperTakesB = b .> a, lowerTakesD = d .> c
        let upper = a.replacing(with: b, where: upperTakesB)
        let upperWinner = upperOffset.replacing(with: upperOffset + 1, where: upperTakesB)
        let lower = c.replacing(with: d, where: lowerTakesD)
        let lowerWinner = lowerOffset.replacing(with: lowerOffset + 1, where: lowerTakesD)
        let takesLower = lower .> upper
        UnsafeMutableRawPointer(output).storeBytes(of: upper.replacing(with: lower, where: takesLower), as: SIMD4<Float>.self)
        UnsafeMutableRawPointer(winners).storeBytes(of: upperWinner.replacing(with: lowerWinner, where: takesLower), as: SIMD4<Float>.self)
    }

    /// Eight neighbouring windows whose top-left input is `window` (plane offset `firstOffset`).
    @inline(__always)
    private static func eight(_ window: UnsafePointer<Float>, width: Int, firstOffset: Int,
                              output: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Float>) {
        let upperRow = UnsafeRawPointer(window).loadUnaligned(as: SIMD16<Float>.self)
        let lowerRow = UnsafeRawPointer(window + width).loadUnaligned(as: SIMD16<Float>.self)
        let a = upperRow.evenHalf, b = upperRow.oddHalf, c = lowerRow.evenHalf, d = lowerRow.oddHalf
        let upperOffset = Float(firstOffset) + SIMD8<Float>(0, 2, 4, 6, 8, 10, 12, 14)
        let lowerOffset = upperOffset + Float(width)
        let upperTakesB = b .> a, lowerTakesD = d .> c
        let upper = a.replacing(with: b, where: upperTakesB)
        let upperWinner = upperOffset.replacing(with: upperOffset + 1, where: upperTakesB)
        let lower = c.replacing(with: d, where: lowerTakesD)
        let lowerWinner = lowerOffset.replacing(with: lowerOffset + 1, where: lowerTakesD)
        let takesLower = lower .> upper
        SIMDAccess.store(upper.replacing(with: lower, where: takesLower), output)
        SIMDAccess.store(upperWinner.replacing(with: lowerWinner, where: takesLower), winners)
    }
}
