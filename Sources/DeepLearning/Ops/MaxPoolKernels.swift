/// The common 2×2, stride-2 max pooling of one plane, unrolled: four loads, three compares
/// made as selects, and the winner's offset within the plane (as a float) for the
/// backward pass. Ties go to the first position in row-major order, as in the general loop.
///
///     MaxPoolKernels.twoByTwo(plane, width: 26, output: out, winners: w, outputHeight: 13, outputWidth: 13)
enum MaxPoolKernels {
    static func twoByTwo(_ source: UnsafePointer<Float>, width: Int, output: UnsafeMutablePointer<Float>,
                         winners: UnsafeMutablePointer<Float>, outputHeight: Int, outputWidth: Int) {
        for oh in 0..<outputHeight {
            let top = 2 * oh * width
            for ow in 0..<outputWidth {
                let at = top + 2 * ow
                let a = source[at], b = source[at + 1], c = source[at + width], d = source[at + width + 1]
                // Pairwise, so that every choice is a select rather than a hard-to-predict
                // branch; the same winner as comparing the four in order.
                let upper = b > a ? b : a, upperWinner = b > a ? at + 1 : at
                let lower = d > c ? d : c, lowerWinner = d > c ? at + width + 1 : at + width
                let best = lower > upper ? lower : upper, winner = lower > upper ? lowerWinner : upperWinner
                output[oh * outputWidth + ow] = best
                winners[oh * outputWidth + ow] = Float(winner)
            }
        }
    }
}
