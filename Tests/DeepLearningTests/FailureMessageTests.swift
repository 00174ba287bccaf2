import Foundation
import Testing
import DeepLearning

/// Engine failures on the caller's data reach standard error with their message (through
/// `engineFailure`); exit tests run each case in a child process and read what it wrote.
/// The message builders are tested without trapping in ShapeMessageTests.
extension DeepLearningTests {
@Suite struct FailureMessageTests {
    /// Whether the exit test's standard error contains `expected`.
    static func expectStandardError(_ result: ExitTest.Result?, contains expected: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains(expected), "standard error was: \(stderr)", sourceLocation: sourceLocation)
    }

    @Test func crossEntropyWithANaNLabel() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(Tensor([[1, 2], [3, 4]]), Tensor([1, .nan]))
        }
        Self.expectStandardError(result, contains: "crossEntropy: label nan (row 1) is not a class index")
    }

    @Test func crossEntropyWithALabelOutOfRange() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(Tensor.zeros([4, 5]), [0, 1, 5, 2])
        }
        Self.expectStandardError(result, contains: "crossEntropy: label 5 (row 2) is not a class index for 5 classes (logits of shape [4, 5]); labels must lie in 0..<5 — give the last layer one output per class")
    }

    @Test func linearFedTheWrongFeatureCount() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Linear(7, 3)(Tensor.zeros([2, 5]))
        }
        Self.expectStandardError(result, contains: "got shape [2, 5]; for this input use Linear(5, 3)")
    }
}
}
