import Foundation
import Testing
@testable import DeepLearning

/// Compares the engine with reference values computed by PyTorch (CPU, float32) and committed in
/// Fixtures/torch: `reference.json` and `sequential.safetensors`, both written by
/// Fixtures/torch/make_torch_fixtures.py, whose docstring documents the layout of every case and
/// the PyTorch → engine parameter mapping (RNN/LSTM: one engine bias = bias_ih + bias_hh; GRU:
/// both biases kept; GELU: tanh approximation).
///
/// Gradients are those of `sum(output ⊙ probe)` for a stored random `probe`.
///
/// Tolerances, as |actual − expected| ≤ absolute + relative · |expected|, elementwise:
/// - elementwise ops, activations, softmax, batch norm, embedding, losses, optimizers, the
///   safetensors model: relative 1e-5, absolute 1e-6;
/// - convolutions, pooling over windows and recurrences (longer float32 sums): relative 1e-4,
///   absolute 1e-5.
extension DeepLearningTests {
@Suite("PyTorch reference values")
struct PyTorchReferenceTests {
    static let elementwise = Tolerance(relative: 1e-5, absolute: 1e-6)
    static let accumulated = Tolerance(relative: 1e-4, absolute: 1e-5)

    struct Tolerance { let relative: Float, absolute: Float }

    /// One case of reference.json: named arrays ({"shape", "data"}) and plain numbers.
    struct Case {
        static let all = load("reference.json")
        /// The issue-17 cases (kinks, optimizers with frozen parameters, initial states, models).
        static let correctness = load("correctness.json")

        static func load(_ file: String) -> [String: [String: Any]] {
            let data = try! Data(contentsOf: fixtureURL(file))
            return try! JSONSerialization.jsonObject(with: data) as! [String: [String: Any]]
        }

        static func fixtureURL(_ file: String) -> URL {
            Bundle.module.resourceURL!.appendingPathComponent("Fixtures/torch/" + file)
        }

        let name: String
        let entries: [String: Any]

        init(_ name: String, from cases: [String: [String: Any]] = Case.all) {
            self.name = name
            guard let entries = cases[name] else { fatalError("the fixture has no case \(name)") }
            self.entries = entries
        }

        private func entry(_ key: String) -> [String: Any] {
            guard let value = entries[key] as? [String: Any] else { fatalError("\(name) has no array \(key)") }
            return value
        }

        func shape(_ key: String) -> [Int] { (entry(key)["shape"] as! [NSNumber]).map(\.intValue) }
        func values(_ key: String) -> [Float] { (entry(key)["data"] as! [NSNumber]).map(\.floatValue) }
        func number(_ key: String) -> Float { (entries[key] as! NSNumber).floatValue }
        func settings(_ key: String) -> Float { ((entries["settings"] as! [String: Any])[key] as! NSNumber).floatValue }

        func tensor(_ key: String, requiresGrad: Bool = false) -> Tensor {
            Tensor(values(key), shape: shape(key), requiresGrad: requiresGrad)
        }
        func indices(_ key: String) -> [Int] { values(key).map { Int($0) } }
    }

    /// Whether `actual` matches the case's array `key`; records one failure naming the worst element.
    @discardableResult
    static func expectMatch(_ actual: Tensor?, _ reference: Case, _ key: String, _ tolerance: Tolerance,
                            sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let actual else {
            Issue.record("\(reference.name).\(key): the engine gave no tensor (missing gradient?)", sourceLocation: sourceLocation)
            return false
        }
        let expected = reference.values(key), shape = reference.shape(key)
        guard actual.shape == shape || (actual.count == 1 && expected.count == 1) else {
            Issue.record("\(reference.name).\(key): shape \(actual.shape), PyTorch \(shape)", sourceLocation: sourceLocation)
            return false
        }
        let got = actual.scalars
        var worst = (index: -1, excess: Float(0))
        for i in 0..<expected.count {
            let excess = abs(got[i] - expected[i]) - (tolerance.absolute + tolerance.relative * abs(expected[i]))
            if excess > worst.excess || excess.isNaN { worst = (i, excess.isNaN ? .infinity : excess) }
        }
        guard worst.index >= 0 else { return true }
        let i = worst.index
        Issue.record("""
            \(reference.name).\(key)[\(i)]: engine \(got[i]), PyTorch \(expected[i]) \
            (difference \(abs(got[i] - expected[i])), allowed \(tolerance.absolute) + \(tolerance.relative)·|expected|)
            """, sourceLocation: sourceLocation)
        return false
    }

    /// Runs `forward` on the case's `x`, backpropagates `sum(output ⊙ probe)`, checks `out` and `grad_x`.
    static func checkForwardBackward(_ reference: Case, _ tolerance: Tolerance,
                                     sourceLocation: SourceLocation = #_sourceLocation,
                                     _ forward: (Tensor) -> Tensor) {
        let x = reference.tensor("x", requiresGrad: true)
        let output = forward(x)
        expectMatch(output, reference, "out", tolerance, sourceLocation: sourceLocation)
        (output * reference.tensor("probe")).sum().backward()
        expectMatch(x.grad, reference, "grad_x", tolerance, sourceLocation: sourceLocation)
    }

    /// Loads the case's parameters into `layer` (case key → engine tensor), then checks the
    /// output, the input gradient and every parameter's gradient (`grad_<key>`).
    static func checkLayer(_ reference: Case, _ layer: any Layer, _ parameters: KeyValuePairs<String, Tensor>,
                           _ tolerance: Tolerance, sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, tensor) in parameters { tensor.assign(reference.tensor(key)) }
        checkForwardBackward(reference, tolerance, sourceLocation: sourceLocation) { layer($0) }
        for (key, tensor) in parameters {
            expectMatch(tensor.grad, reference, "grad_" + key, tolerance, sourceLocation: sourceLocation)
        }
    }

    // MARK: - Layers

    @Test func linear() {
        let layer = Linear(4, 5)
        Self.checkLayer(Case("linear"), layer, ["weight": layer.weight, "bias": layer.bias!], Self.elementwise)
    }

    @Test(arguments: ["conv_s1", "conv_s2_p1"])
    func convolution(_ name: String) {
        let reference = Case(name)
        let layer = Conv2D(2, 3, kernel: 3, stride: Int(reference.number("stride")), padding: Int(reference.number("padding")))
        Self.checkLayer(reference, layer, ["weight": layer.weight, "bias": layer.bias!], Self.accumulated)
    }

    @Test(arguments: ["maxpool_k2_s2", "maxpool_k3_s2", "avgpool_k2_s2", "avgpool_k3_s2"])
    func pooling(_ name: String) {
        let reference = Case(name)
        let kernel = Int(reference.number("kernel")), stride = Int(reference.number("stride"))
        Self.checkForwardBackward(reference, Self.accumulated) { x in
            name.hasPrefix("max") ? MaxPool2D(kernel, stride: stride)(x) : AvgPool2D(kernel, stride: stride)(x)
        }
    }

    @Test(arguments: ["relu", "leaky_relu", "sigmoid", "tanh", "gelu_tanh", "softmax", "log_softmax"])
    func activation(_ name: String) {
        let layers: [String: any Layer] = [
            "relu": ReLU(), "leaky_relu": LeakyReLU(slope: 0.01), "sigmoid": Sigmoid(), "tanh": Tanh(),
            "gelu_tanh": GELU(), "softmax": Softmax(), "log_softmax": LogSoftmax(),
        ]
        Self.checkForwardBackward(Case(name), Self.elementwise) { layers[name]!($0) }
    }

    @Test(arguments: ["batchnorm1d", "batchnorm2d"])
    func batchNormalizationTrainingStep(_ name: String) {
        let reference = Case(name)
        let features = reference.shape("weight")[0]
        let layer: BatchNormalization = name == "batchnorm1d" ? BatchNorm1D(features) : BatchNorm2D(features)
        #expect(layer.momentum == reference.number("momentum") && layer.epsilon == reference.number("eps"))
        layer.train()
        Self.checkLayer(reference, layer, ["weight": layer.weight, "bias": layer.bias], Self.elementwise)
        Self.expectMatch(layer.runningMean, reference, "running_mean", Self.elementwise)
        Self.expectMatch(layer.runningVariance, reference, "running_var", Self.elementwise)
    }

    @Test func embedding() {
        let reference = Case("embedding")
        let layer = Embedding(7, 3)
        layer.weight.assign(reference.tensor("weight"))
        let output = layer(reference.tensor("indices"))
        Self.expectMatch(output, reference, "out", Self.elementwise)
        (output * reference.tensor("probe")).sum().backward()
        Self.expectMatch(layer.weight.grad, reference, "grad_weight", Self.elementwise)
    }

    // MARK: - Recurrent layers (batch-first, zero initial state)

    @Test func rnn() {
        let layer = RNN(3, 5)  // "bias" = bias_ih + bias_hh
        Self.checkLayer(Case("rnn"), layer, ["weight_ih": layer.inputWeight, "weight_hh": layer.hiddenWeight,
                                             "bias": layer.bias], Self.accumulated)
    }

    @Test func lstm() {
        let layer = LSTM(3, 5)  // gates i, f, g, o; "bias" = bias_ih + bias_hh
        Self.checkLayer(Case("lstm"), layer, ["weight_ih": layer.inputWeight, "weight_hh": layer.hiddenWeight,
                                              "bias": layer.bias], Self.accumulated)
    }

    @Test func gru() {
        let layer = GRU(3, 5)  // gates r, z, n; both biases kept
        Self.checkLayer(Case("gru"), layer, ["weight_ih": layer.inputWeight, "weight_hh": layer.hiddenWeight,
                                             "bias_ih": layer.inputBias, "bias_hh": layer.hiddenBias], Self.accumulated)
    }

    // MARK: - Losses (mean reduction): value and gradient w.r.t. the predictions

    @Test(arguments: ["cross_entropy", "nll", "mse", "l1", "huber", "bce_with_logits"])
    func loss(_ name: String) {
        let reference = Case("loss_" + name)
        let x = reference.tensor("x", requiresGrad: true), y = reference.tensor("y")
        let loss: Tensor
        switch name {
        case "cross_entropy": loss = crossEntropy(x, y)
        case "nll": loss = nll(x, y)
        case "mse": loss = meanSquaredError(x, y)
        case "l1": loss = l1Loss(x, y)
        case "huber": loss = huberLoss(x, y, delta: 1)
        default: loss = binaryCrossEntropy(x, y, withLogits: true)
        }
        Self.expectMatch(loss, reference, "loss", Self.elementwise)
        loss.backward()
        Self.expectMatch(x.grad, reference, "grad_x", Self.elementwise)
    }

    // MARK: - Optimizers: three steps on the gradients g1, g2, g3

    @Test(arguments: ["sgd_momentum", "sgd_nesterov", "adam", "adamw", "rmsprop"])
    func optimizer(_ name: String) {
        let reference = Case("optim_" + name)
        let parameter = reference.tensor("p0").asParameter()
        let lr = reference.settings("lr"), decay = reference.settings("weight_decay")
        let optimizer: Optimizer
        switch name {
        case "sgd_momentum": optimizer = SGD([parameter], learningRate: lr, momentum: 0.9, weightDecay: decay)
        case "sgd_nesterov": optimizer = SGD([parameter], learningRate: lr, momentum: 0.9, nesterov: true, weightDecay: decay)
        case "adam": optimizer = Adam([parameter], learningRate: lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: decay)
        case "adamw": optimizer = AdamW([parameter], learningRate: lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: decay)
        default: optimizer = RMSprop([parameter], learningRate: lr, alpha: 0.99, epsilon: 1e-8, weightDecay: decay)
        }
        for step in 1...3 {
            optimizer.zeroGrad()
            (parameter * reference.tensor("g\(step)")).sum().backward()  // sets the gradient to g
            optimizer.step()
            Self.expectMatch(parameter, reference, "p\(step)", Self.elementwise)
        }
    }

    // MARK: - Safetensors, both directions

    static func sequentialModel() -> Sequential {
        Sequential { Linear(4, 3); ReLU(); Linear(3, 2) }
    }

    @Test func loadsAModelWrittenByPyTorch() throws {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/torch/sequential.safetensors")
        let model = Self.sequentialModel()
        #expect(model.namedState.map(\.name).sorted() == ["0.bias", "0.weight", "2.bias", "2.weight"])
        try model.load(from: url)
        let reference = Case("safetensors_sequential")
        Self.expectMatch(model(reference.tensor("x")), reference, "out", Self.elementwise)
    }

    /// The file the engine writes is what PyTorch's `safetensors.torch.load_file` reads: an 8-byte
    /// little-endian header length, a JSON header with dtype F32, shape and data_offsets, then the
    /// data. Set PRIMER_TORCH_EXPORT to a path to keep the file for `make_torch_fixtures.py --check`.
    @Test func writesAFileThatReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("torchfix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("sequential.safetensors")
        let model = Self.sequentialModel()
        try model.load(from: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/torch/sequential.safetensors"))
        try model.save(to: url)
        if let export = ProcessInfo.processInfo.environment["PRIMER_TORCH_EXPORT"] {
            try model.save(to: URL(fileURLWithPath: export))
        }

        let bytes = [UInt8](try Data(contentsOf: url))
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        let header = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as! [String: Any]
        let tensors = header.filter { $0.key != "__metadata__" }
        #expect(tensors.keys.sorted() == ["0.bias", "0.weight", "2.bias", "2.weight"])
        var ends: [Int] = []
        for (name, info) in tensors {
            let info = info as! [String: Any]
            let shape = (info["shape"] as! [NSNumber]).map(\.intValue)
            let offsets = (info["data_offsets"] as! [NSNumber]).map(\.intValue)
            #expect(info["dtype"] as? String == "F32", "\(name)")
            #expect(offsets[1] - offsets[0] == 4 * shape.reduce(1, *), "\(name)")
            ends.append(offsets[1])
        }
        #expect(ends.max() == bytes.count - 8 - headerLength)

        let reread = Self.sequentialModel()
        try reread.load(from: url)
        for ((name, a), (_, b)) in zip(model.namedState, reread.namedState) {
            #expect(a.scalars == b.scalars, "\(name)")
        }
        let reference = Case("safetensors_sequential")
        Self.expectMatch(reread(reference.tensor("x")), reference, "out", Self.elementwise)
    }
}
}
