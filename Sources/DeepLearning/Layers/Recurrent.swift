/// Recurrent layers over batch-first sequences `[N, T, features]`. Calling one returns the
/// hidden state at every step, `[N, T, hidden]`; `run(_:)` also gives the final state. Each
/// takes an optional initial state (PyTorch's `h0`, and `c0` for the LSTM) of shape
/// `[N, hidden]` (PyTorch's `[1, N, hidden]` is accepted too); gradients flow into it, so an
/// encoder's final state can start a decoder.
///
///     let rnn = LSTM(8, 32)
///     let states = rnn(sequences)                     // [N, T, 32]
///     let last = states.slice(axis: 1, (T - 1)..<T).squeezed(at: 1)
///     let encoded = encoder.run(source)
///     let decoded = decoder(target, initial: (encoded.final, encoded.cell))
protocol RecurrentCell: Layer {
    var inputSize: Int { get }
    var hiddenSize: Int { get }
}

extension RecurrentCell {
    /// The input projected by `weight` for all steps at once, as one `[N, H·gates]` tensor per step.
    func projectedSteps(_ input: Tensor, _ weight: Tensor, _ bias: Tensor) -> [Tensor] {
        checkInput(input)
        let n = input.shape[0], steps = input.shape[1], width = weight.shape[0]
        let projected = (matmul(input.reshaped([n * steps, inputSize]), weight, transposingB: true) + bias)
            .reshaped([n, steps, width])
        return (0..<steps).map { projected.slice(axis: 1, $0..<($0 + 1)).reshaped([n, width]) }
    }

    /// Fails with a message naming the expected shape unless `input` is `[batch, steps, inputSize]`.
    func checkInput(_ input: Tensor) {
        guard input.rank == 3, input.shape[2] == inputSize else {
            shapeFailure("\(self) expected input of shape [batch, steps, \(inputSize)], got shape \(input.shape)\(input.rank == 2 ? "; add a step axis with .unsqueezed(at: 1) or a feature axis with .unsqueezed(at: 2)" : "")")
        }
    }

    func stackSteps(_ states: [Tensor]) -> Tensor { Tensor.stack(states, axis: 1) }

    /// The initial state `[batch, hiddenSize]` (zeros when nil); `[1, batch, hiddenSize]`, as
    /// PyTorch shapes `h0`, is accepted and reshaped.
    func initialState(_ state: Tensor?, _ role: String, batch: Int) -> Tensor {
        guard let state else { return Tensor.zeros([batch, hiddenSize]) }
        if state.shape == [batch, hiddenSize] { return state }
        if state.shape == [1, batch, hiddenSize] { return state.reshaped([batch, hiddenSize]) }
        shapeFailure("\(self): the initial \(role) has shape \(state.shape); it must be [batch, hidden] = [\(batch), \(hiddenSize)] (or PyTorch's [1, \(batch), \(hiddenSize)])")
    }
}

/// An Elman network: `hₜ = tanh(W hₜ₋₁ + U xₜ + b)`.
public final class RNN: RecurrentCell {
    public let inputWeight: Tensor, hiddenWeight: Tensor, bias: Tensor
    public let inputSize: Int, hiddenSize: Int

    public init(_ inputSize: Int, _ hiddenSize: Int) {
        self.inputSize = inputSize; self.hiddenSize = hiddenSize
        inputWeight = Initialization.uniform([hiddenSize, inputSize], fanIn: hiddenSize)
        hiddenWeight = Initialization.uniform([hiddenSize, hiddenSize], fanIn: hiddenSize)
        bias = Initialization.uniform([hiddenSize], fanIn: hiddenSize)
    }

    /// All hidden states and the last one, starting from `initial` (zeros by default).
    public func run(_ input: Tensor, initial: Tensor? = nil) -> (states: Tensor, final: Tensor) {
        let steps = projectedSteps(input, inputWeight, bias)
        var h = initialState(initial, "hidden state", batch: input.shape[0])
        var states: [Tensor] = []
        for x in steps {
            h = (x + matmul(h, hiddenWeight, transposingB: true)).tanh()
            states.append(h)
        }
        return (stackSteps(states), h)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor { run(input).states }
    /// Every hidden state, starting from `initial` (PyTorch's `h0`).
    public func callAsFunction(_ input: Tensor, initial: Tensor?) -> Tensor { run(input, initial: initial).states }
    public var description: String { "RNN(\(inputSize) → \(hiddenSize))" }
}

/// Long short-term memory with input, forget, cell and output gates (PyTorch's gate order).
/// `forgetBias`, when given, sets the forget gate's biases (the second quarter of `bias`) so
/// that the gate starts open and gradients survive long sequences (Gers et al., 2000; 1 is the
/// usual choice):
///
///     let layer = LSTM(8, 32, forgetBias: 1)
public final class LSTM: RecurrentCell {
    public let inputWeight: Tensor, hiddenWeight: Tensor, bias: Tensor
    public let inputSize: Int, hiddenSize: Int

    public init(_ inputSize: Int, _ hiddenSize: Int, forgetBias: Float? = nil) {
        self.inputSize = inputSize; self.hiddenSize = hiddenSize
        inputWeight = Initialization.uniform([4 * hiddenSize, inputSize], fanIn: hiddenSize)
        hiddenWeight = Initialization.uniform([4 * hiddenSize, hiddenSize], fanIn: hiddenSize)
        bias = Initialization.uniform([4 * hiddenSize], fanIn: hiddenSize)
        if let forgetBias {
            bias.withUnsafeMutableBufferPointer { b in
                for i in hiddenSize..<(2 * hiddenSize) { b[i] = forgetBias }
            }
        }
    }

    /// All hidden states, and the final hidden and cell states, starting from `initial`
    /// (PyTorch's `(h0, c0)`; zeros by default). From zeros the recurrence runs as one fused
    /// operation with its own backward pass (see `LSTMSequence`); from a given state it runs
    /// step by step on recorded operations (the same gate equations), so gradients reach
    /// `initial` too.
    public func run(_ input: Tensor, initial: (hidden: Tensor, cell: Tensor)? = nil) -> (states: Tensor, final: Tensor, cell: Tensor) {
        checkInput(input)
        if let initial { return runStepwise(input, initial) }
        let output = LSTMSequence.run(input, inputWeight: inputWeight, hiddenWeight: hiddenWeight, bias: bias,
                                      hiddenSize: hiddenSize)
        return (output.states, output.final, output.cell)
    }

    /// The recurrence from a given state: gates i, f, g, o = split(xₜ U + hₜ₋₁ Wᵀ + b);
    /// cₜ = σ(f) cₜ₋₁ + σ(i) tanh(g); hₜ = σ(o) tanh(cₜ).
    private func runStepwise(_ input: Tensor, _ initial: (hidden: Tensor, cell: Tensor)) -> (states: Tensor, final: Tensor, cell: Tensor) {
        guard input.shape[1] > 0 else { shapeFailure("LSTM: the input has no steps (shape \(input.shape)); sequences need at least one") }
        let batch = input.shape[0], size = hiddenSize
        var h = initialState(initial.hidden, "hidden state", batch: batch)
        var c = initialState(initial.cell, "cell state", batch: batch)
        var states: [Tensor] = []
        for x in projectedSteps(input, inputWeight, bias) {
            let gates = x + matmul(h, hiddenWeight, transposingB: true)
            func gate(_ k: Int) -> Tensor { gates.slice(axis: 1, (k * size)..<((k + 1) * size)) }
            c = gate(1).sigmoid() * c + gate(0).sigmoid() * gate(2).tanh()
            h = gate(3).sigmoid() * c.tanh()
            states.append(h)
        }
        return (stackSteps(states), h, c)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor { run(input).states }
    /// Every hidden state, starting from `initial` (PyTorch's `(h0, c0)`).
    public func callAsFunction(_ input: Tensor, initial: (hidden: Tensor, cell: Tensor)?) -> Tensor {
        run(input, initial: initial).states
    }
    public var description: String { "LSTM(\(inputSize) → \(hiddenSize))" }
}

/// Gated recurrent unit with reset and update gates (PyTorch's formulation).
public final class GRU: RecurrentCell {
    public let inputWeight: Tensor, hiddenWeight: Tensor, inputBias: Tensor, hiddenBias: Tensor
    public let inputSize: Int, hiddenSize: Int

    public init(_ inputSize: Int, _ hiddenSize: Int) {
        self.inputSize = inputSize; self.hiddenSize = hiddenSize
        inputWeight = Initialization.uniform([3 * hiddenSize, inputSize], fanIn: hiddenSize)
        hiddenWeight = Initialization.uniform([3 * hiddenSize, hiddenSize], fanIn: hiddenSize)
        inputBias = Initialization.uniform([3 * hiddenSize], fanIn: hiddenSize)
        hiddenBias = Initialization.uniform([3 * hiddenSize], fanIn: hiddenSize)
    }

    /// All hidden states and the last one, starting from `initial` (PyTorch's `h0`; zeros by default).
    public func run(_ input: Tensor, initial: Tensor? = nil) -> (states: Tensor, final: Tensor) {
        let steps = projectedSteps(input, inputWeight, inputBias)
        let size = hiddenSize
        var h = initialState(initial, "hidden state", batch: input.shape[0])
        var states: [Tensor] = []
        for x in steps {
            let recurrent = matmul(h, hiddenWeight, transposingB: true) + hiddenBias
            let r = (x.slice(axis: 1, 0..<size) + recurrent.slice(axis: 1, 0..<size)).sigmoid()
            let z = (x.slice(axis: 1, size..<(2 * size)) + recurrent.slice(axis: 1, size..<(2 * size))).sigmoid()
            let candidate = (x.slice(axis: 1, (2 * size)..<(3 * size)) + r * recurrent.slice(axis: 1, (2 * size)..<(3 * size))).tanh()
            h = (1 - z) * candidate + z * h
            states.append(h)
        }
        return (stackSteps(states), h)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor { run(input).states }
    /// Every hidden state, starting from `initial` (PyTorch's `h0`).
    public func callAsFunction(_ input: Tensor, initial: Tensor?) -> Tensor { run(input, initial: initial).states }
    public var description: String { "GRU(\(inputSize) → \(hiddenSize))" }
}
