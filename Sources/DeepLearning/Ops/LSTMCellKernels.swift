/// The elementwise part of one LSTM step for one sequence (one row of the batch), forward and
/// backward, over contiguous rows. Gate rows are laid out `[i | f | g | o]`, `size` each, as
/// in PyTorch. Written with `SIMD8<Float>` (eight hidden units at a time, then the rest one by
/// one): the loops read and write many pointers, which keeps the auto-vectoriser away.
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
        let i = gates, f = gates + size, g = gates + 2 * size, o = gates + 3 * size
        var j = 0
        while j + SIMDAccess.width <= size {
            let gi = FastActivations.sigmoid(SIMDAccess.load(i + j)), gf = FastActivations.sigmoid(SIMDAccess.load(f + j))
            let gg = FastActivations.tanh(SIMDAccess.load(g + j)), go = FastActivations.sigmoid(SIMDAccess.load(o + j))
            let c = gf * SIMDAccess.load(previousCell + j) + gi * gg
            let t = FastActivations.tanh(c)
            SIMDAccess.store(gi, i + j); SIMDAccess.store(gf, f + j); SIMDAccess.store(gg, g + j); SIMDAccess.store(go, o + j)
            SIMDAccess.store(c, cell + j); SIMDAccess.store(t, cellTanh + j); SIMDAccess.store(go * t, state + j)
            j += SIMDAccess.width
        }
        while j < size {
            let gi = FastActivations.sigmoid(i[j]), gf = FastActivations.sigmoid(f[j])
            let gg = FastActivations.tanh(g[j]), go = FastActivations.sigmoid(o[j])
            let c = gf * previousCell[j] + gi * gg
            let t = FastActivations.tanh(c)
            i[j] = gi; f[j] = gf; g[j] = gg; o[j] = go
            cell[j] = c; cellTanh[j] = t; state[j] = go * t
            j += 1
        }
    }

    /// From the gradients of the state (`stateGradient` from the loss plus `recurrentGradient`
    /// from the next step) and of the cell (`cellGradient`, updated in place to the gradient of
    /// the previous cell), writes the gradients of the gate pre-activations.
    /// At the first and last steps `previousCell` and `recurrentGradient` point to zeros.
    @inline(__always)
    static func backward(gates: UnsafePointer<Float>, previousCell: UnsafePointer<Float>,
                         cellTanh: UnsafePointer<Float>, stateGradient: UnsafePointer<Float>,
                         recurrentGradient: UnsafePointer<Float>,
                         cellGradient: UnsafeMutablePointer<Float>,
                         gateGradients: UnsafeMutablePointer<Float>, size: Int) {
        let i = gates, f = gates + size, g = gates + 2 * size, o = gates + 3 * size
        let di = gateGradients, df = gateGradients + size, dg = gateGradients + 2 * size, dout = gateGradients + 3 * size
        var j = 0
        while j + SIMDAccess.width <= size {
            let gi = SIMDAccess.load(i + j), gf = SIMDAccess.load(f + j), gg = SIMDAccess.load(g + j), go = SIMDAccess.load(o + j)
            let dh = SIMDAccess.load(stateGradient + j) + SIMDAccess.load(recurrentGradient + j)
            let t = SIMDAccess.load(cellTanh + j)
            let dc = SIMDAccess.load(cellGradient + j) + dh * go * (1 - t * t)
            SIMDAccess.store(dh * t * go * (1 - go), dout + j)
            SIMDAccess.store(dc * gg * gi * (1 - gi), di + j)
            SIMDAccess.store(dc * gi * (1 - gg * gg), dg + j)
            SIMDAccess.store(dc * SIMDAccess.load(previousCell + j) * gf * (1 - gf), df + j)
            SIMDAccess.store(dc * gf, cellGradient + j)
            j += SIMDAccess.width
        }
        while j < size {
            let dh = stateGradient[j] + recurrentGradient[j]
            let t = cellTanh[j]
            let dc = cellGradient[j] + dh * o[j] * (1 - t * t)
            dout[j] = dh * t * o[j] * (1 - o[j])
            di[j] = dc * g[j] * i[j] * (1 - i[j])
            dg[j] = dc * i[j] * (1 - g[j] * g[j])
            df[j] = dc * previousCell[j] * f[j] * (1 - f[j])
            cellGradient[j] = dc * f[j]
            j += 1
        }
    }
}
