import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Tensor values, broadcasting and shape operations")
struct TensorTests {
    @Test func creation() {
        #expect(Tensor.zeros([2, 3]).scalars == [0, 0, 0, 0, 0, 0])
        #expect(Tensor.ones([2]).shape == [2])
        #expect(Tensor.full([2], value: 1.5).scalars == [1.5, 1.5])
        #expect(Tensor.arange(0, 5).scalars == [0, 1, 2, 3, 4])
        #expect(Tensor.arange(1, 2, step: 0.25).scalars == [1, 1.25, 1.5, 1.75])
        #expect(Tensor([[1, 2], [3, 4]]).shape == [2, 2])
        #expect(Tensor([[1, 2], [3, 4]]).array == [[1, 2], [3, 4]])
        #expect(Tensor(3).item == 3)
        #expect(Tensor(indices: [2, 0]).indices == [2, 0])
    }

    @Test func seededRandomTensorsRepeat() {
        Tensor.seed(7)
        let a = Tensor.randomNormal([5]).scalars
        Tensor.manualSeed(7)
        let b = Tensor.randomNormal([5]).scalars
        #expect(a == b)
        let u = Tensor.randomUniform([1000], in: -2...3).scalars
        #expect(u.allSatisfy { $0 >= -2 && $0 <= 3 })
        let n = Tensor.randomNormal([4000], mean: 1, standardDeviation: 2)
        #expect(abs(n.mean().item - 1) < 0.15)
        #expect(abs(n.variance().item.squareRoot() - 2) < 0.15)
    }

    @Test func broadcastingArithmetic() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect((m + Tensor([10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
        #expect((m * Tensor([[2], [3]])).scalars == [2, 4, 6, 12, 15, 18])
        #expect((m - 1).scalars == [0, 1, 2, 3, 4, 5])
        #expect((12 / Tensor([3, 4])).scalars == [4, 3])
        #expect((Tensor([[1], [2]]) + Tensor([10, 20])).array == [[11, 21], [12, 22]])
    }

    @Test func unaryValues() {
        let x = Tensor([-1, 0, 2])
        #expect(x.relu().scalars == [0, 0, 2])
        #expect(x.abs().scalars == [1, 0, 2])
        #expect(close(Tensor([0]).sigmoid().scalars, [0.5]))
        #expect(close(Tensor([1, 4]).sqrt().scalars, [1, 2]))
        #expect(close(Tensor([0, 1]).exp().log().scalars, [0, 1]))
        #expect(close(Tensor([2]).pow(3).scalars, [8]))
        #expect(close(Tensor([0.5]).tanh().scalars, [0.462_117_16]))
        #expect(close(Tensor([1]).gelu().scalars, [0.841_192], tolerance: 1e-3))
    }

    @Test func comparisons() {
        let a = Tensor([1, 2, 3]), b = Tensor([3, 2, 1])
        #expect((a .< b).scalars == [1, 0, 0])
        #expect((a .== b).scalars == [0, 1, 0])
        #expect((a .>= b).scalars == [0, 1, 1])
        #expect((a .> 1.5).scalars == [0, 1, 1])
    }

    @Test func reductions() {
        let m = Tensor([[1, 5, 3], [4, 2, 6]])
        #expect(m.sum().item == 21)
        #expect(m.sum(alongAxes: 0).scalars == [5, 7, 9])
        #expect(m.sum(alongAxes: 1, keepingDimensions: true).shape == [2, 1])
        #expect(m.mean(alongAxes: -1).scalars == [3, 4])
        #expect(m.max(axis: 1).scalars == [5, 6])
        #expect(m.max().item == 6)
        #expect(m.argmax(axis: 1).scalars == [1, 2])
        #expect(m.argmax(axis: 0).scalars == [1, 0, 1])
        #expect(close(Tensor([1, 2, 3, 4]).variance().scalars, [1.25]))
    }

    @Test func matrixProducts() {
        let a = Tensor([[1, 2], [3, 4]]), b = Tensor([[5, 6], [7, 8]])
        #expect(matmul(a, b).scalars == [19, 22, 43, 50])
        #expect(matmul(a, b, transposingB: true).scalars == [17, 23, 39, 53])
        let batch = Tensor.stack([a, b])
        #expect(matmul(batch, batch).scalars == [7, 10, 15, 22, 67, 78, 91, 106])
    }

    @Test func largeProductsSplitAcrossWorkersAgreeWithANaiveSum() {
        let a = sample([64, 300], seed: 30), b = sample([300, 200], seed: 31)
        let product = matmul(a, b), viaTranspose = matmul(a, b.transposed().copy(), transposingB: true)
        let pa = a.scalars, pb = b.scalars
        for (i, j) in [(0, 0), (17, 199), (63, 100), (40, 3)] {
            var expected: Float = 0
            for k in 0..<300 { expected += pa[i * 300 + k] * pb[k * 200 + j] }
            #expect(close([product[i, j].item, viaTranspose[i, j].item], [expected, expected], tolerance: 1e-4))
        }
    }

    @Test func shapeOperations() {
        let x = Tensor.arange(6).reshaped([2, 3])
        #expect(x.reshaped([-1]).shape == [6])
        #expect(x.transposed().array == [[0, 3], [1, 4], [2, 5]])
        #expect(x.T.shape == [3, 2])
        #expect(x.slice(axis: 1, 1..<3).array == [[1, 2], [4, 5]])
        #expect(Tensor.concat([x, x], axis: 0).shape == [4, 3])
        #expect(Tensor.concat([x, x], axis: 1).array[0] == [0, 1, 2, 0, 1, 2])
        #expect(Tensor.stack([x, x], axis: 1).shape == [2, 2, 3])
        let cube = Tensor.arange(24).reshaped([2, 3, 4])
        #expect(cube.permuted([2, 0, 1]).shape == [4, 2, 3])
        #expect(cube.permuted([2, 0, 1])[1, 0, 2].item == 9)
        #expect(cube[1, 2].scalars == [20, 21, 22, 23])
        #expect(cube[0..<1].shape == [1, 3, 4])
        #expect(x.rows([1, 1, 0]).array == [[3, 4, 5], [3, 4, 5], [0, 1, 2]])
        #expect(x.gathering([2, 0]).scalars == [2, 3])
        #expect(x.unsqueezed(at: 0).shape == [1, 2, 3])
        #expect(x.unsqueezed(at: -1).squeezed().shape == [2, 3])
    }

    @Test func description() {
        #expect(Tensor([[1, 2], [3, 4.5]]).description == "Tensor [2, 2] [[1, 2], [3, 4.5]]")
        #expect(Tensor.arange(10).description == "Tensor [10] [0, 1, 2, …, 7, 8, 9]")
        #expect(Tensor(2).description == "Tensor [] 2")
        let images = Tensor.zeros([64, 1, 28, 28]).description
        #expect(images.hasPrefix("Tensor [64, 1, 28, 28] [[[[0, 0, …, 0, 0], [0, 0, …, 0, 0], …"))
        #expect(images.count < 700)
    }
}
}
