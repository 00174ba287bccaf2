import Testing
@testable import DeepLearning

/// A generator and a discriminator for one-dimensional data, as a GAN chapter would write them.
private final class TinyGAN {
    let generator = Sequential { Linear(2, 8); ReLU(); Linear(8, 1) }
    let discriminator = Sequential { Linear(1, 8); LeakyReLU(slope: 0.2); Linear(8, 1) }
}

extension DeepLearningTests {
@Suite("Course workflows: transfer learning, autoencoders, GAN steps")
struct WorkflowTests {
    @Test func transferLearningTrainsOnlyTheNewHead() {
        Tensor.seed(1)
        let features = Sequential { Linear(4, 8); ReLU() }
        features.freeze()
        let frozen = features.parameters.map(\.scalars)
        let head = Linear(8, 2)
        let model = Sequential { features; head }
        let before = head.weight.scalars
        let optimizer = SGD(model.parameters, learningRate: 0.1)
        let x = sample([6, 4], seed: 2), y = Tensor([0, 1, 0, 1, 1, 0])
        for _ in 0..<5 {
            let loss = crossEntropy(model(x), y)
            optimizer.zeroGrad(); loss.backward(); optimizer.step()
        }
        #expect(features.parameters.map(\.scalars) == frozen)
        #expect(head.weight.scalars != before)
        #expect(model.namedParameters.map(\.name) == ["0.0.weight", "0.0.bias", "1.weight", "1.bias"])
    }

    @Test func autoencoderLearnsToReconstruct() {
        Tensor.seed(3)
        // Eight-dimensional points on a two-dimensional plane: a bottleneck of 2 suffices.
        let codes = sample([64, 2], seed: 4)
        let data = matmul(codes, sample([2, 8], seed: 5))
        let encoder = Sequential { Linear(8, 2) }, decoder = Sequential { Linear(2, 8) }
        let autoencoder = Sequential { encoder; decoder }
        let optimizer = Adam(autoencoder.parameters, learningRate: 0.02)
        var losses: [Float] = []
        for _ in 0..<300 {
            let loss = mse(autoencoder(data), data)
            optimizer.zeroGrad(); loss.backward(); optimizer.step()
            losses.append(loss.item)
        }
        #expect(losses.last! < losses.first! * 0.05, "reconstruction loss \(losses.first!) → \(losses.last!)")
        #expect(encoder(data).shape == [64, 2])
    }

    @Test func ganStepsUpdateOnlyTheirOwnNetwork() {
        Tensor.seed(6)
        let gan = TinyGAN()
        let dOptimizer = Adam(gan.discriminator.parameters, learningRate: 0.01)
        let gOptimizer = Adam(gan.generator.parameters, learningRate: 0.01)
        let real = Tensor.randomNormal([16, 1], mean: 3, standardDeviation: 0.5)
        let ones = Tensor.ones([16, 1]), zeros = Tensor.zeros([16, 1])

        let generatorBefore = gan.generator.parameters.map(\.scalars)
        let fake = gan.generator(Tensor.randomNormal([16, 2]))
        let dLoss = binaryCrossEntropy(gan.discriminator(real), ones) + binaryCrossEntropy(gan.discriminator(fake.detached()), zeros)
        dOptimizer.zeroGrad(); dLoss.backward(); dOptimizer.step()
        #expect(gan.generator.parameters.map(\.scalars) == generatorBefore)
        #expect(gan.generator.parameters.allSatisfy { $0.grad == nil })

        let discriminatorBefore = gan.discriminator.parameters.map(\.scalars)
        let gLoss = binaryCrossEntropy(gan.discriminator(gan.generator(Tensor.randomNormal([16, 2]))), ones)
        gOptimizer.zeroGrad(); gLoss.backward(); gOptimizer.step()
        #expect(gan.generator.parameters.map(\.scalars) != generatorBefore)
        #expect(gan.discriminator.parameters.map(\.scalars) == discriminatorBefore)
    }
}
}
