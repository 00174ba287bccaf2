import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Shape errors name the operation, the shapes and the fix")
struct ShapeMessageTests {
    @Test func linearSuggestsTheRightSize() {
        #expect(ShapeMessages.linear(inputFeatures: 50176, outputFeatures: 128, got: [64, 1600]) ==
            "Linear(50176 → 128) expected input with 50176 features (last dimension), got shape [64, 1600]; did you compute the flattened size for 28×28 inputs? For this input use Linear(1600, 128)")
        #expect(ShapeMessages.linear(inputFeatures: 10, outputFeatures: 2, got: [4, 3]) ==
            "Linear(10 → 2) expected input with 10 features (last dimension), got shape [4, 3]; for this input use Linear(3, 2)")
        #expect(ShapeMessages.linear(inputFeatures: 1600, outputFeatures: 128, got: [64, 64, 5, 5])
            .hasSuffix("got shape [64, 64, 5, 5]; image batches need Flatten() before a Linear layer"))
        #expect(ShapeMessages.linear(inputFeatures: 1024, outputFeatures: 128, got: [64, 64, 5, 5])
            .hasSuffix("which here gives 1600 features: use Linear(1600, 128)"))
    }

    @Test func convolutionNamesLayoutAndChannels() {
        let layout = ShapeMessages.conv2D(inChannels: 1, outChannels: 32, kernel: 3, got: [64, 28, 28])
        #expect(layout.contains("Conv2D(1 → 32, kernel: 3) expected input of shape [batch, 1, height, width], got shape [64, 28, 28]"))
        #expect(layout.contains("unsqueezed(at: 1)"))
        let channels = ShapeMessages.conv2D(inChannels: 3, outChannels: 8, kernel: 5, got: [2, 1, 28, 28])
        #expect(channels.contains("use Conv2D(1, 8, kernel: 5)"))
        #expect(ShapeMessages.conv2D(inChannels: 3, outChannels: 8, kernel: 3, got: [2, 32, 32, 3]).contains(".permuted([0, 3, 1, 2])"))
        #expect(ShapeMessages.windowTooLarge("MaxPool2D(2)", window: 2, height: 1, width: 1, padding: 0).contains("does not fit the 1×1 input"))
    }

    @Test func otherMessages() {
        #expect(ShapeMessages.broadcast("+", [2, 3], [4]).contains("shapes [2, 3] and [4] cannot be broadcast together"))
        #expect(ShapeMessages.matmul([2, 3], [4, 5], transposingB: false).contains("multiplies 3 columns by 4 rows"))
        #expect(ShapeMessages.classification("crossEntropy", logits: [8, 10], labels: 6).contains("8 rows but 6 labels"))
        #expect(ShapeMessages.regression("mse", predictions: [4, 1], targets: [4]).contains(".reshaped([-1, 1])"))
        #expect(ShapeMessages.labelOutOfRange("crossEntropy", label: "7", row: 3, logits: [8, 5]) ==
            "crossEntropy: label 7 (row 3) is not a class index for 5 classes (logits of shape [8, 5]); labels must lie in 0..<5 — give the last layer one output per class (5 now), or renumber the labels from 0")
        #expect(ShapeMessages.nonFiniteLabel("nll", label: .nan, row: 0).hasPrefix("nll: label nan (row 0) is not a class index"))
    }
}
}
