import NumericCore

/// The whole LSTM recurrence over a batch-first sequence as one recorded operation, with a
/// hand-written backward pass through time. The input projection of every step is one GEMM
/// up front; each step then adds `hₜ₋₁ · W_hhᵀ` for all four gates with one more GEMM and runs
/// one fused elementwise kernel. Sequences of the batch are independent, so the batch is split
/// across cores and each worker runs the recurrence for its rows without synchronising.
///
///     let out = LSTMSequence.run(input, inputWeight: wih, hiddenWeight: whh, bias: b, hiddenSize: 128)
///     // out.states [N, T, 128], out.final and out.cell [N, 128]
///
/// `final` and `cell` are recorded as results of `states`, so gradients reaching them flow
/// into the same backward pass.
enum LSTMSequence {
    struct Output { let states: Tensor, final: Tensor, cell: Tensor }

    /// What the backward pass reads: activated gates, cell states and their tanh, per step.
    private struct Saved {
        let gates: Tensor, cells: Tensor, cellTanh: Tensor, states: Tensor
        let batch: Int, steps: Int, features: Int, size: Int
    }

    /// Where the final cell's gradient waits for the backward pass of the states.
    private final class CellGradient { var value: Tensor? }

    static func run(_ input: Tensor, inputWeight: Tensor, hiddenWeight: Tensor, bias: Tensor,
                    hiddenSize size: Int) -> Output {
        let batch = input.shape[0], steps = input.shape[1], features = input.shape[2], width = 4 * size
        guard steps > 0 else { shapeFailure("LSTM: the input has no steps (shape \(input.shape)); sequences need at least one") }
        let saved = Saved(gates: .uninitialized([batch, steps, width]), cells: .uninitialized([batch, steps, size]),
                          cellTanh: .uninitialized([batch, steps, size]), states: .uninitialized([batch, steps, size]),
                          batch: batch, steps: steps, features: features, size: size)
        projectInputs(input, inputWeight, bias, into: saved.gates.pointer, rows: batch * steps, width: width, features: features)
        // W_hhᵀ stored as [H, 4H]: each step's product then reads B untransposed, which
        // OpenBLAS packs faster than a transposed operand.
        let hiddenWeightT = transposed(hiddenWeight)
        forEachRowChunk(saved) { rows in recurForward(saved, hiddenWeightT.pointer, rows) }

        let states = Tensor(shape: saved.states.shape, storage: saved.states.storage)
        let cellGradient = CellGradient()
        Tensor.record(states, "LSTM", [input, inputWeight, hiddenWeight, bias]) { g in
            backward(saved, g, cellGradient.value, input, inputWeight, hiddenWeight, bias)
            cellGradient.value = nil
        }
        let final = lastStep(saved.states, saved)
        Tensor.record(final, "LSTM final state", [states]) { g in
            states.accumulateGrad { dst, accumulate in
                if !accumulate { dst.update(repeating: 0, count: states.count) }
                for row in 0..<batch {
                    let d = dst + (row * steps + steps - 1) * size, s = g.pointer + row * size
                    for j in 0..<size { d[j] += s[j] }
                }
            }
        }
        let cell = lastStep(saved.cells, saved)
        Tensor.record(cell, "LSTM final cell", [states]) { g in
            cellGradient.value = g
            // The states' backward pass must run even when only the cell was used.
            states.accumulateGrad { dst, accumulate in if !accumulate { dst.update(repeating: 0, count: states.count) } }
        }
        return Output(states: states, final: final, cell: cell)
    }

    /// gates = x · W_ihᵀ + bias for every row of `[N·T, features]` at once.
    private static func projectInputs(_ input: Tensor, _ weight: Tensor, _ bias: Tensor,
                                      into gates: UnsafeMutablePointer<Float>, rows: Int, width: Int, features: Int) {
        for row in 0..<rows { (gates + row * width).update(from: bias.pointer, count: width) }
        Gemm.run(transB: .transposed, m: rows, n: width, k: features, a: input.pointer, lda: features,
                 b: weight.pointer, ldb: features, beta: 1, c: gates, ldc: width, split: .largerSide)
    }

    /// The values at the last step, `[N, T, H] → [N, H]`.
    private static func lastStep(_ perStep: Tensor, _ saved: Saved) -> Tensor {
        let result = Tensor.uninitialized([saved.batch, saved.size])
        for row in 0..<saved.batch {
            (result.pointer + row * saved.size).update(from: perStep.pointer + (row * saved.steps + saved.steps - 1) * saved.size,
                                                       count: saved.size)
        }
        return result
    }

    /// Splits the batch rows into chunks when the recurrence is large enough to pay for it: up to
    /// four chunks of at least eight rows, set by the batch alone (a chunk's per-step products
    /// round by its row count), spread over the cores.
    private static func forEachRowChunk(_ saved: Saved, _ body: (Range<Int>) -> Void) {
        let work = saved.batch * saved.steps * 4 * saved.size * saved.size
        Gemm.singleThreadedBLAS {
            if work >= Gemm.parallelWork {
                Parallel.forChunks(0..<saved.batch, minChunk: 8, maxChunks: 4, body)
            } else {
                body(0..<saved.batch)
            }
        }
    }

    /// A `[r, c]` matrix as `[c, r]`.
    private static func transposed(_ matrix: Tensor) -> Tensor {
        let rows = matrix.shape[0], columns = matrix.shape[1]
        let result = Tensor.uninitialized([columns, rows])
        for r in 0..<rows {
            for c in 0..<columns { result.pointer[c * rows + r] = matrix.pointer[r * columns + c] }
        }
        return result
    }

    /// The forward recurrence for the batch rows `rows`; `hiddenWeightT` is W_hhᵀ, `[H, 4H]`.
    private static func recurForward(_ saved: Saved, _ hiddenWeightT: UnsafePointer<Float>, _ rows: Range<Int>) {
        let steps = saved.steps, size = saved.size, width = 4 * size
        let zeros = Tensor.zeros([size])
        for t in 0..<steps {
            let first = rows.lowerBound * steps + t
            if t > 0 {
                Gemm.serial(m: rows.count, n: width, k: size,
                            a: saved.states.pointer + (first - 1) * size, lda: steps * size,
                            b: hiddenWeightT, ldb: width, beta: 1,
                            c: saved.gates.pointer + first * width, ldc: steps * width)
            }
            for row in rows {
                let at = row * steps + t
                LSTMCellKernels.forward(gates: saved.gates.pointer + at * width,
                                        previousCell: t > 0 ? saved.cells.pointer + (at - 1) * size : zeros.pointer,
                                        cell: saved.cells.pointer + at * size, cellTanh: saved.cellTanh.pointer + at * size,
                                        state: saved.states.pointer + at * size, size: size)
            }
        }
    }

    /// Gradients of the gate pre-activations for every step, given those of the states and
    /// of the final cell, for the batch rows `rows`.
    private static func recurBackward(_ saved: Saved, _ hiddenWeight: UnsafePointer<Float>,
                                      stateGradients: UnsafePointer<Float>, finalCellGradient: Tensor?,
                                      gateGradients: UnsafeMutablePointer<Float>, _ rows: Range<Int>) {
        let steps = saved.steps, size = saved.size, width = 4 * size
        let zeros = Tensor.zeros([size])
        let recurrent = Tensor.zeros([rows.count, size])
        let cellGradient = Tensor.uninitialized([rows.count, size])
        if let finalCellGradient {
            cellGradient.pointer.update(from: finalCellGradient.pointer + rows.lowerBound * size, count: rows.count * size)
        } else {
            cellGradient.pointer.update(repeating: 0, count: rows.count * size)
        }
        for t in stride(from: steps - 1, through: 0, by: -1) {
            for row in rows {
                let at = row * steps + t, local = (row - rows.lowerBound) * size
                LSTMCellKernels.backward(gates: saved.gates.pointer + at * width,
                                         previousCell: t > 0 ? saved.cells.pointer + (at - 1) * size : zeros.pointer,
                                         cellTanh: saved.cellTanh.pointer + at * size,
                                         stateGradient: stateGradients + at * size,
                                         recurrentGradient: recurrent.pointer + local,
                                         cellGradient: cellGradient.pointer + local,
                                         gateGradients: gateGradients + at * width, size: size)
            }
            if t > 0 {
                Gemm.serial(m: rows.count, n: size, k: width,
                            a: gateGradients + (rows.lowerBound * steps + t) * width, lda: steps * width,
                            b: hiddenWeight, ldb: size, c: recurrent.pointer, ldc: size)
            }
        }
    }

    /// Backpropagation through time, then the parameter and input gradients as four large GEMMs
    /// over all steps at once (the weight gradients cut along the steps, `DepthSplitGemm`).
    private static func backward(_ saved: Saved, _ g: Tensor, _ finalCellGradient: Tensor?, _ input: Tensor,
                                 _ inputWeight: Tensor, _ hiddenWeight: Tensor, _ bias: Tensor) {
        let rows = saved.batch * saved.steps, size = saved.size, width = 4 * size, features = saved.features
        let gateGradients = Tensor.uninitialized([rows, width])
        forEachRowChunk(saved) { chunk in
            recurBackward(saved, hiddenWeight.pointer, stateGradients: g.pointer, finalCellGradient: finalCellGradient,
                          gateGradients: gateGradients.pointer, chunk)
        }
        let dG = gateGradients.pointer
        inputWeight.accumulateGrad { dst, accumulate in
            Gemm.depthSplitTransposedProduct(m: width, n: features, k: rows, a: dG, lda: width, b: input.pointer, ldb: features,
                                             beta: accumulate ? 1 : 0, c: dst, ldc: features)
        }
        hiddenWeight.accumulateGrad { dst, accumulate in
            let previous = previousStates(saved)
            Gemm.depthSplitTransposedProduct(m: width, n: size, k: rows, a: dG, lda: width, b: previous.pointer, ldb: size,
                                             beta: accumulate ? 1 : 0, c: dst, ldc: size)
        }
        bias.accumulateGrad { dst, accumulate in
            ColumnSums.add(dG, rows: rows, columns: width, into: dst, accumulate: accumulate)
        }
        input.accumulateGrad { dst, accumulate in
            Gemm.run(m: rows, n: features, k: width, a: dG, lda: width, b: inputWeight.pointer, ldb: features,
                     beta: accumulate ? 1 : 0, c: dst, ldc: features, split: .largerSide)
        }
    }

    /// hₜ₋₁ for every step (zeros before the first), shaped like the states.
    private static func previousStates(_ saved: Saved) -> Tensor {
        let steps = saved.steps, size = saved.size
        let previous = Tensor.uninitialized(saved.states.shape)
        for row in 0..<saved.batch {
            let base = row * steps * size
            (previous.pointer + base).update(repeating: 0, count: size)
            (previous.pointer + base + size).update(from: saved.states.pointer + base, count: (steps - 1) * size)
        }
        return previous
    }
}
