/// The common 2×2, stride-2 max pooling of one plane, unrolled: four loads, three compares
/// that compile to selects, and the winner's offset within the plane (as a float) for the
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
                var best = source[at], winner = at
                let right = source[at + 1], below = source[at + width], diagonal = source[at + width + 1]
                if right > best { best = right; winner = at + 1 }
                if below > best { best = below; winner = at + width }
                if diagonal > best { best = diagonal; winner = at + width + 1 }
                output[oh * outputWidth + ow] = best
                winners[oh * outputWidth + ow] = Float(winner)
            }
        }
    }
}
