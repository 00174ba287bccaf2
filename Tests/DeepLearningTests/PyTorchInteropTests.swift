import Foundation
import Testing
@testable import DeepLearning

/// PyTorch's own `state_dict()` files of the course's model kinds (a CNN with batch norm, an
/// embedding + LSTM classifier, a GRU) load by PyTorch's names and give PyTorch's outputs;
/// exported with PyTorch's names they carry exactly PyTorch's keys; recurrent layers started
/// from a given state match PyTorch and pass a gradient check.
/// Fixtures: Fixtures/torch/correctness.json and *_model.safetensors (make_torch_fixtures.py).
extension DeepLearningTests {
@Suite("PyTorch checkpoints and initial states")
struct PyTorchInteropTests {
    typealias Reference = PyTorchReferenceTests
    static let tolerance = Reference.Tolerance(relative: 1e-4, absolute: 1e-5)

    static func reference(_ name: String) -> Reference.Case { Reference.Case(name, from: Reference.Case.correctness) }

    /// The course's "last time step" layer (chapter 7).
    struct LastStep: Layer {
        func callAsFunction(_ input: Tensor) -> Tensor {
            let steps = input.shape[1]
            return input.slice(axis: 1, (steps - 1)..<steps).squeezed(at: 1)
        }
        var description: String { "LastStep" }
    }

    static func model(_ name: String) -> Sequential {
        switch name {
        case "cnn_model": return Sequential { Conv2D(1, 4, kernel: 3); BatchNorm2D(4); ReLU(); MaxPool2D(2); Flatten(); Linear(36, 3) }
        case "lstm_model": return Sequential { Embedding(8, 4); LSTM(4, 6); LastStep(); Linear(6, 2) }
        default: return Sequential { GRU(3, 4); LastStep(); Linear(4, 2) }
        }
    }

    @Test(arguments: ["cnn_model", "lstm_model", "gru_model"])
    func loadsPyTorchsStateDict(_ name: String) throws {
        let model = Self.model(name)
        let report = try model.load(from: Reference.Case.fixtureURL(name + ".safetensors"), names: .pyTorch)
        #expect(report.missing.isEmpty)
        #expect(report.loaded.count == model.namedState.count)
        #expect(report.ignored == (name == "cnn_model" ? ["1.num_batches_tracked"] : []))
        model.eval()
        let reference = Self.reference(name)
        let output = withoutGradients { model(reference.tensor("x")) }
        Reference.expectMatch(output, reference, "out", Self.tolerance)
    }

    @Test(arguments: ["cnn_model", "lstm_model", "gru_model"])
    func exportsPyTorchsNames(_ name: String) throws {
        let model = Self.model(name)
        try model.load(from: Reference.Case.fixtureURL(name + ".safetensors"), names: .pyTorch)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name + ".safetensors")
        try model.save(to: url, names: .pyTorch)
        if let export = ProcessInfo.processInfo.environment["PRIMER_TORCH_EXPORT_DIR"] {
            // For `make_torch_fixtures.py --check-export DIR`, which loads it into PyTorch.
            try model.save(to: URL(fileURLWithPath: export).appendingPathComponent(name + ".safetensors"), names: .pyTorch)
        }
        let exported = try SafeTensors.read(url)
        let names = (Self.reference(name).entries["names"] as! [String]).sorted()
        #expect(exported.keys.sorted() == names)
        // Read back into a fresh model: the same outputs.
        let copy = Self.model(name)
        try copy.load(from: url, names: .pyTorch)
        model.eval(); copy.eval()
        let x = Self.reference(name).tensor("x")
        #expect(withoutGradients { copy(x).scalars == model(x).scalars })
    }

    @Test func theNameTableCoversBatchNormAndRecurrentLayers() {
        #expect(PyTorchNames.engineLeaf(for: "running_mean") == "runningMean")
        #expect(PyTorchNames.engineLeaf(for: "running_var") == "runningVariance")
        #expect(PyTorchNames.engineLeaf(for: "weight_ih_l0") == "inputWeight")
        #expect(PyTorchNames.engineLeaf(for: "weight_hh_l0") == "hiddenWeight")
        #expect(PyTorchNames.engineLeaf(for: "num_batches_tracked") == nil)
    }

    @Test func aLoneRecurrentBiasIsRefused() {
        let model = Sequential { LSTM(2, 3) }
        let state = ["0.weight_ih_l0": Tensor.zeros([12, 2]), "0.weight_hh_l0": Tensor.zeros([12, 3]), "0.bias_ih_l0": Tensor.zeros([12])]
        #expect(throws: SafeTensorsError.self) { try model.loadPyTorchState(state) }
    }

    // MARK: - Initial states

    static func parameters(_ layer: Any, _ c: Reference.Case) {
        switch layer {
        case let rnn as RNN:
            rnn.inputWeight.assign(c.tensor("weight_ih_l0")); rnn.hiddenWeight.assign(c.tensor("weight_hh_l0"))
            rnn.bias.assign(c.tensor("bias_ih_l0") + c.tensor("bias_hh_l0"))
        case let lstm as LSTM:
            lstm.inputWeight.assign(c.tensor("weight_ih_l0")); lstm.hiddenWeight.assign(c.tensor("weight_hh_l0"))
            lstm.bias.assign(c.tensor("bias_ih_l0") + c.tensor("bias_hh_l0"))
        case let gru as GRU:
            gru.inputWeight.assign(c.tensor("weight_ih_l0")); gru.hiddenWeight.assign(c.tensor("weight_hh_l0"))
            gru.inputBias.assign(c.tensor("bias_ih_l0")); gru.hiddenBias.assign(c.tensor("bias_hh_l0"))
        default: break
        }
    }

    @Test(arguments: ["rnn_h0", "gru_h0"])
    func rnnAndGRUStartFromAGivenState(_ name: String) {
        let c = Self.reference(name)
        let x = c.tensor("x", requiresGrad: true), h0 = c.tensor("h0", requiresGrad: true)
        let rnn = RNN(3, 5), gru = GRU(3, 5)
        Self.parameters(name == "rnn_h0" ? rnn as Any : gru as Any, c)
        let run = name == "rnn_h0" ? rnn.run(x, initial: h0) : gru.run(x, initial: h0)
        Reference.expectMatch(run.states, c, "out", Self.tolerance)
        Reference.expectMatch(run.final, c, "h_n", Self.tolerance)
        ((run.states * c.tensor("probe")).sum() + (run.final * c.tensor("probe_h")).sum()).backward()
        Reference.expectMatch(x.grad, c, "grad_x", Self.tolerance)
        Reference.expectMatch(h0.grad, c, "grad_h0", Self.tolerance)
        let weight = name == "rnn_h0" ? rnn.hiddenWeight : gru.hiddenWeight
        Reference.expectMatch(weight.grad, c, "grad_weight_hh_l0", Self.tolerance)
    }

    @Test func lstmStartsFromAGivenState() {
        let c = Self.reference("lstm_h0c0")
        let x = c.tensor("x", requiresGrad: true), h0 = c.tensor("h0", requiresGrad: true), c0 = c.tensor("c0", requiresGrad: true)
        let lstm = LSTM(3, 5)
        Self.parameters(lstm, c)
        let run = lstm.run(x, initial: (h0, c0))
        Reference.expectMatch(run.states, c, "out", Self.tolerance)
        Reference.expectMatch(run.final, c, "h_n", Self.tolerance)
        Reference.expectMatch(run.cell, c, "c_n", Self.tolerance)
        ((run.states * c.tensor("probe")).sum() + (run.final * c.tensor("probe_h")).sum()
            + (run.cell * c.tensor("probe_c")).sum()).backward()
        Reference.expectMatch(x.grad, c, "grad_x", Self.tolerance)
        Reference.expectMatch(h0.grad, c, "grad_h0", Self.tolerance)
        Reference.expectMatch(c0.grad, c, "grad_c0", Self.tolerance)
        Reference.expectMatch(lstm.hiddenWeight.grad, c, "grad_weight_hh_l0", Self.tolerance)
        Reference.expectMatch(lstm.bias.grad, c, "grad_bias_ih_l0", Self.tolerance)
    }

    @Test func lstmFromZeroStateAgreesWithTheFusedPath() {
        let lstm = LSTM(3, 4)
        let x = sample([2, 3, 3], seed: 5)
        let fused = lstm.run(x), stepwise = lstm.run(x, initial: (Tensor.zeros([2, 4]), Tensor.zeros([2, 4])))
        #expect(close(fused.states.scalars, stepwise.states.scalars, tolerance: 1e-5))
        #expect(close(fused.cell.scalars, stepwise.cell.scalars, tolerance: 1e-5))
    }

    @Test func initialStatesPassAGradientCheck() {
        let x = sample([2, 3, 2], seed: 7)
        let rnn = RNN(2, 3), gru = GRU(2, 3), lstm = LSTM(2, 3)
        checkGradients([sample([2, 3], seed: 8)]) { rnn.run(x, initial: $0[0]).states }
        checkGradients([sample([2, 3], seed: 9)]) { gru.run(x, initial: $0[0]).states }
        checkGradients([sample([2, 3], seed: 10), sample([2, 3], seed: 11)]) { t in
            let run = lstm.run(x, initial: (t[0], t[1]))
            return run.states.sum() + run.cell.sum()
        }
        // PyTorch's [1, batch, hidden] layout is accepted.
        #expect(rnn.run(x, initial: Tensor.zeros([1, 2, 3])).final.shape == [2, 3])
    }
}
}
