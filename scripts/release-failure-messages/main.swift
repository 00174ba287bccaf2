// Each case is one engine failure on the caller's data; check.sh runs them from a release build.
import ClassicalML
import DeepLearning

switch CommandLine.arguments.dropFirst().first ?? "" {
case "matrix": _ = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5])
case "accuracy": _ = accuracy([0, 1, 1], [0, 1])
case "split": _ = trainTestSplit(Iris.load(), testFraction: 1.5)
case "nan-label": _ = crossEntropy(Tensor([[1, 2], [3, 4]]), Tensor([1, .nan]))
case "label-range": _ = crossEntropy(Tensor.zeros([4, 5]), [0, 1, 5, 2])
case "logloss": _ = logLoss([0], Matrix([[1, 1]]))
case "linear": _ = Linear(7, 3)(Tensor.zeros([2, 5]))
default: print("no case")
}
