import Foundation
import Testing
import NumericCore
import Datasets
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Data sets, loaders, transforms and Fashion-MNIST files")
struct DataTests {
    private let dataset = TensorDataset(inputs: Tensor.arange(10).reshaped([10, 1]), targets: Tensor.arange(10))

    @Test func batchesCoverTheDataOnce() {
        let loader = DataLoader(dataset, batchSize: 4)
        let batches = Array(loader)
        #expect(batches.map { $0.0.shape } == [[4, 1], [4, 1], [2, 1]])
        #expect(batches.flatMap { $0.1.scalars } == (0..<10).map(Float.init))
        #expect(loader.batchCount == 3)
        let dropping = DataLoader(dataset, batchSize: 4, dropLast: true)
        #expect(Array(dropping).count == 2 && dropping.batchCount == 2)
    }

    @Test func tabularRowsBecomeTensors() {
        let data = TensorDataset(features: [1, 2, 3, 4, 5, 6], featureCount: 2, targets: [0, 1, 1])
        #expect(data.count == 3 && data.inputs.shape == [3, 2])
        #expect(data.batch([2]).inputs.scalars == [5, 6] && data.batch([2]).targets.scalars == [1])
    }

    @Test func shuffleIsSeededAndChangesEachEpoch() {
        func order(_ loader: DataLoader) -> [Float] { loader.flatMap { $0.1.scalars } }
        let a = DataLoader(dataset, batchSize: 3, shuffle: true, seed: 1)
        let b = DataLoader(dataset, batchSize: 3, shuffle: true, seed: 1)
        let firstEpoch = order(a)
        #expect(firstEpoch == order(b))
        #expect(firstEpoch.sorted() == (0..<10).map(Float.init))
        #expect(firstEpoch != (0..<10).map(Float.init))
        #expect(order(a) != firstEpoch)
        #expect(a.epoch == 2)
    }

    @Test func transforms() {
        var generator = SeededGenerator(seed: 1)
        let image = Tensor.arange(6).reshaped([1, 1, 2, 3])
        #expect(Transform.normalize(mean: 1, standardDeviation: 2).apply(image, &generator).scalars == [-0.5, 0, 0.5, 1, 1.5, 2])
        #expect(Transform.horizontalFlip(probability: 1).apply(image, &generator).scalars == [2, 1, 0, 5, 4, 3])
        #expect(Transform.horizontalFlip(probability: 0).apply(image, &generator).scalars == image.scalars)
        let square = Tensor.arange(9).reshaped([1, 1, 3, 3])
        #expect(Transform.randomCrop(size: 3).apply(square, &generator).scalars == square.scalars)
        let cropped = Transform.randomCrop(size: 3, padding: 1).apply(square, &generator)
        #expect(cropped.shape == [1, 1, 3, 3])
        #expect(cropped.scalars.allSatisfy { $0 == 0 || square.scalars.contains($0) })
        let noisy = Transform.gaussianNoise(0.1).apply(Tensor.zeros([1, 1, 20, 20]), &generator)
        #expect(noisy.scalars.contains { $0 != 0 } && abs(noisy.mean().item) < 0.05)
        let loader = DataLoader(TensorDataset(inputs: square, targets: Tensor([0])), batchSize: 1,
                                transforms: [.horizontalFlip(probability: 1)])
        #expect(Array(loader)[0].0.scalars == [2, 1, 0, 5, 4, 3, 8, 7, 6])
    }

    private var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fashion-mini")
    }

    @Test func idxRoundTripAndErrors() throws {
        let idx = IDX(shape: [2, 3], bytes: [1, 2, 3, 4, 5, 6])
        #expect(try IDX.parse(idx.encoded()) == idx)
        #expect(throws: IDXError.self) { try IDX.parse([0, 0, 8, 1, 0, 0, 0, 5, 1, 2]) }
        #expect(throws: IDXError.self) { try IDX.parse([1, 2, 3]) }
        #expect(throws: GzipError.self) { try Gzip.decompress(Data([0x1f, 0x8b, 8, 0, 0, 0])) }
    }

    @Test func fashionMNISTReadsGzippedIDXFiles() throws {
        let data = try FashionMNIST.load(.train, directory: fixtures)
        #expect(data.count == 6 && data.height == 28 && data.width == 28)
        #expect(data.labels == [9, 0, 0, 3, 0, 2])
        #expect(data.classNames[data.labels[0]] == "Ankle boot")
        // Pixel (image 1, row 0, column 3) holds byte 7 + 3 = 10, scaled to [-1, 1].
        #expect(abs(data.pixel(image: 1, row: 0, column: 3) - (10 * 2 / 255 - 1)) < 1e-6)
        let limited = try FashionMNIST.load(.test, limit: 2, directory: fixtures, scaling: .raw)
        #expect(limited.count == 2)
        let (images, labels) = limited.tensors
        #expect(images.shape == [2, 1, 28, 28])
        #expect(labels.scalars == [9, 0])
        #expect(images[1, 0, 0, 3].item == 10)
        let picked = data.subset([5, 1])
        #expect(picked.labels == [2, 0] && picked.image(1) == data.image(1) && picked.image(0) == data.image(5))
        #expect(data.prefix(2).labels == [9, 0])
        let batches = Array(DataLoader(data, batchSize: 4))
        #expect(batches[0].0.shape == [4, 1, 28, 28] && batches[1].1.scalars == [0, 2])
    }

    @Test func missingFilesSayWhatToInstall() {
        let nowhere = URL(fileURLWithPath: "/nonexistent-fashion")
        #expect(!FashionMNIST.isAvailable(directory: nowhere))
        do {
            _ = try FashionMNIST.load(.train, directory: nowhere)
            Issue.record("loading from a missing directory should throw")
        } catch {
            #expect("\(error)".contains("install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist)"))
            #expect("\(error)".contains("train-images-idx3-ubyte.gz"))
        }
    }
}
}
