/// The elementwise part of one LSTM step for one sequence (one row of the batch), forward and
/// backward, over contiguous rows. Gate rows are laid out `[i | f | g | o]`, `size` each, as
/// in PyTorch.
///
///     // gates holds i, f, g, o pre-activations; afterwards their activations
///     LSTMCellKernels.forward(gates: g, previousCell: c0, cell: c1, cellTanh: t1, state: h1, size: 128)
enum LSTMCellKernels {
    /// Activates the gates in place and writes `c = f·c₋₁ + i·g`, `tanh c` and `h = o·tanh c`.
    /// At the first step `previousCell` points to zeros.
    @inline(__always)
    static func forward(gates: UnsafeMutablePointer<Float>, previousCell: UnsafePointer<Float>,
                        cell: UnsafeMutablePointer<Float>, cellTanh: UnsafeMutablePointer<Float>,
                        state: UnsafeMutablePointer<Float>, size: Int) {
        FastActivations.sigmoid(gates, count: 2 * size)
        FastActivations.tanh(gates + 2 * size, count: size)
        FastActivations.sigmoid(gates + 3 * size, count: size)
        let i = gates, f = gates + size, g = gates + 2 * size, o = gates + 3 * size
        for j in 0..<size { cell[j] = f[j] * previousCell[j] + i[j] * g[j] }
        for j in 0..<size {
            let t = FastActivations.tanh(cell[j])
            cellTanh[j] = t
            state[j] = o[j] * t
        }
    }

    /// From the gradients of the state (`stateGradient`, both the loss's and the next step's
    /// contributions, summed here) and of the cell (`cellGradient`, updated in place to the
    /// gradient of the previous cell), writes the gradients of the gate pre-activations.
    /// At the first and last steps `previousCell` and `recurrentGradient` point to zeros.
    @inline(__always)
    static func backward(gates: UnsafePointer<Float>, previousCell: UnsafePointer<Float>,
                         cellTanh: UnsafePointer<Float>, stateGradient: UnsafePointer<Float>,
                         recurrentGradient: UnsafePointer<Float>,
                         cellGradient: UnsafeMutablePointer<Float>,
                         gateGradients: UnsafeMutablePointer<Float>, size: Int) {
        let i = gates, f = gates + size, g = gates + 2 * size, o = gates + 3 * size
        let di = gateGradients, df = gateGradients + size, dg = gateGradients + 2 * size, dout = gateGradients + 3 * size
        for j in 0..<size {
            let dh = stateGradient[j] + recurrentGradient[j]
            let t = cellTanh[j]
            let dc = cellGradient[j] + dh * o[j] * (1 - t * t)
            dout[j] = dh * t * o[j] * (1 - o[j])
            di[j] = dc * g[j] * i[j] * (1 - i[j])
            dg[j] = dc * i[j] * (1 - g[j] * g[j])
            df[j] = dc * previousCell[j] * f[j] * (1 - f[j])
            cellGradient[j] = dc * f[j]
        }
    }
}
