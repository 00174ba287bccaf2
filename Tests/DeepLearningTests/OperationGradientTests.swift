import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Finite-difference gradient checks of every operation")
struct OperationGradientTests {
    @Test func arithmeticWithBroadcasting() {
        let a = sample([2, 3], seed: 1), b = sample([3], seed: 2, in: 0.5...1.5)
        checkGradients([a, b]) { $0[0] + $0[1] }
        checkGradients([a, b]) { $0[0] - $0[1] }
        checkGradients([a, b]) { $0[0] * $0[1] }
        checkGradients([a, b]) { $0[0] / $0[1] }
        let column = sample([2, 1], seed: 3)
        checkGradients([a, column]) { $0[0] * $0[1] }
    }

    @Test func scalarArithmetic() {
        let a = sample([4], seed: 4, in: 0.5...2)
        checkGradients([a]) { 3 * $0[0] + 1 }
        checkGradients([a]) { 2 - $0[0] / 4 }
        checkGradients([a]) { 1 / $0[0] }
        checkGradients([a]) { -$0[0] }
    }

    @Test func sameTensorOnBothSides() {
        let a = sample([3], seed: 5)
        checkGradients([a]) { $0[0] * $0[0] + $0[0] }
    }

    @Test func unaryFunctions() {
        let x = sample([5], seed: 6, awayFromZero: true)
        let positive = sample([5], seed: 7, in: 0.5...2)
        checkGradients([positive]) { $0[0].exp() }
        checkGradients([positive]) { $0[0].log() }
        checkGradients([positive]) { $0[0].sqrt() }
        checkGradients([positive]) { $0[0].pow(1.5) }
        checkGradients([x]) { $0[0].tanh() }
        checkGradients([x]) { $0[0].sigmoid() }
        checkGradients([x]) { $0[0].relu() }
        checkGradients([x]) { $0[0].leakyRelu(slope: 0.1) }
        checkGradients([x]) { $0[0].abs() }
        checkGradients([x]) { $0[0].gelu() }
        checkGradients([x]) { $0[0].squared() }
        checkGradients([x]) { $0[0].clamped(to: -0.5...0.5) }
        checkGradients([x, sample([5], seed: 8, awayFromZero: true)]) { Tensor.maximum($0[0], $0[1]) }
    }

    @Test func reductions() {
        let x = sample([2, 3, 4], seed: 9)
        checkGradients([x]) { $0[0].sum() }
        checkGradients([x]) { $0[0].mean() }
        checkGradients([x]) { $0[0].sum(alongAxes: 1) }
        checkGradients([x]) { $0[0].mean(alongAxes: [0, 2], keepingDimensions: true) }
        checkGradients([x]) { $0[0].variance(alongAxes: 0, 2) }
        checkGradients([x]) { $0[0].max(axis: 2) }
        checkGradients([x]) { $0[0].max() }
        checkGradients([x]) { $0[0].variance() }
    }

    @Test func matrixProducts() {
        let a = sample([3, 4], seed: 10), b = sample([4, 2], seed: 11), bt = sample([2, 4], seed: 12)
        checkGradients([a, b]) { matmul($0[0], $0[1]) }
        checkGradients([a, bt]) { matmul($0[0], $0[1], transposingB: true) }
        let batchA = sample([2, 3, 4], seed: 13), batchB = sample([2, 4, 2], seed: 14), batchBT = sample([2, 2, 4], seed: 15)
        checkGradients([batchA, batchB]) { matmul($0[0], $0[1]) }
        checkGradients([batchA, batchBT]) { matmul($0[0], $0[1], transposingB: true) }
        checkGradients([batchA, b]) { matmul($0[0], $0[1]) }
    }

    @Test func shapeOperations() {
        let x = sample([2, 3, 4], seed: 16)
        checkGradients([x]) { $0[0].reshaped([6, -1]) * 2 }
        checkGradients([x]) { $0[0].permuted([2, 0, 1]) }
        checkGradients([x]) { $0[0].transposed() }
        checkGradients([x]) { $0[0].slice(axis: 1, 1..<3) }
        checkGradients([x]) { $0[0][1] }
        checkGradients([x, sample([2, 1, 4], seed: 17)]) { Tensor.concat([$0[0], $0[1]], axis: 1) }
        checkGradients([sample([3], seed: 18), sample([3], seed: 19)]) { Tensor.stack([$0[0], $0[1]], axis: 1) }
        checkGradients([sample([3], seed: 20)]) { $0[0].broadcast(to: [2, 3]) }
        checkGradients([x]) { $0[0].flattened().unsqueezed(at: 0).squeezed() }
    }

    @Test func indexing() {
        let table = sample([5, 3], seed: 21)
        checkGradients([table]) { $0[0].rows([4, 0, 4, 2]) }
        checkGradients([table]) { $0[0].gathering([2, 0, 1, 1, 0]) }
    }

    @Test func softmaxes() {
        let logits = sample([3, 4], seed: 22, in: -2...2)
        checkGradients([logits]) { $0[0].softmax() }
        checkGradients([logits]) { $0[0].logSoftmax() }
    }

    @Test func convolution() {
        let input = sample([2, 2, 5, 5], seed: 23), weight = sample([3, 2, 3, 3], seed: 24), bias = sample([3], seed: 25)
        checkGradients([input, weight, bias]) { conv2d($0[0], weight: $0[1], bias: $0[2]) }
        checkGradients([input, weight]) { conv2d($0[0], weight: $0[1], bias: nil, stride: 2, padding: 1) }
    }

    @Test func pooling() {
        // Distinct values so that the maximum of each window is unambiguous.
        let values: [Float] = (0..<64).map { (i: Int) -> Float in Float((i * 37) % 64) * 0.0625 - 2 }
        let input = Tensor(values, shape: [2, 2, 4, 4])
        checkGradients([input]) { maxPool2d($0[0], kernel: 2) }
        checkGradients([input]) { maxPool2d($0[0], kernel: 3, stride: 1) }
        checkGradients([input]) { avgPool2d($0[0], kernel: 2) }
        checkGradients([input]) { avgPool2d($0[0], kernel: 3, stride: 1) }
    }
}
}
