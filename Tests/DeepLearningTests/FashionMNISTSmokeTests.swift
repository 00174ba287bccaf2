import Testing
import Datasets
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Fashion-MNIST smoke test (needs the Debian package, which scripts/bootstrap.sh installs)")
struct FashionMNISTSmokeTests {
    @Test func aSmallCNNLearnsFromRealImages() throws {
        try #require(FashionMNIST.isAvailable(.train), "Fashion-MNIST is not installed: run scripts/bootstrap.sh (apt-get install dataset-fashion-mnist)")
        Tensor.seed(0)
        let train = try FashionMNIST.load(.train, limit: 512)
        let model = Sequential {
            Conv2D(1, 4, kernel: 3); ReLU(); MaxPool2D(2)
            Flatten(); Linear(4 * 13 * 13, 10)
        }
        let optimizer = Adam(model.parameters, learningRate: 0.003)
        var losses: [Float] = []
        for _ in 0..<2 {
            for (images, labels) in DataLoader(train, batchSize: 64, shuffle: true, seed: 0) {
                let loss = crossEntropy(model(images), labels)
                optimizer.zeroGrad(); loss.backward(); optimizer.step()
                losses.append(loss.item)
            }
        }
        #expect(losses.first! > 1.8)
        #expect(losses.suffix(4).reduce(0, +) / 4 < 1.4, "losses \(losses)")
        #expect(evaluate(model, on: train) > 0.6)
    }

    /// The cell the course opens with, written exactly as a chapter would (on fewer images).
    @Test func theCourseCellReadsAsWritten() throws {
        try #require(FashionMNIST.isAvailable(.train) && FashionMNIST.isAvailable(.test), "Fashion-MNIST is not installed: run scripts/bootstrap.sh (apt-get install dataset-fashion-mnist)")
        Tensor.seed(0)
        let train = try FashionMNIST.load(.train, limit: 256)
        let test = try FashionMNIST.load(.test, limit: 128)
        let model = Sequential {
            Conv2D(1, 32, kernel: 3); ReLU(); MaxPool2D(2)
            Conv2D(32, 64, kernel: 3); ReLU(); MaxPool2D(2)
            Flatten(); Linear(64 * 5 * 5, 128); ReLU(); Linear(128, 10)
        }
        #expect(model.description.hasPrefix("Sequential — 225,034 parameters"))
        let optimizer = Adam(model.parameters, learningRate: 0.001)
        var losses: [Float] = []
        for (images, labels) in DataLoader(train, batchSize: 64, shuffle: true, seed: 0) {
            let loss = crossEntropy(model(images), labels)
            optimizer.zeroGrad(); loss.backward(); optimizer.step()
            losses.append(loss.item)
        }
        let accuracy = evaluate(model, on: test)
        #expect(losses.count == 4 && losses.last! < losses.first!)
        #expect(accuracy > 0.2)
    }
}
}
