import Testing
@testable import PrimerKit

@Suite struct OutputComparisonTests {
    @Test func numbersWithinToleranceMatch() {
        #expect(OutputComparison.mismatch(expected: "loss 0.3125\n", actual: "loss 0.3127") == nil)
        #expect(OutputComparison.mismatch(expected: "acc=0.87 (n=100)", actual: "acc=0.8700004 (n=100)") == nil)
        #expect(OutputComparison.mismatch(expected: "x 1e-3", actual: "x 0.001") == nil)
    }

    @Test func numbersOutsideToleranceDiffer() {
        let m = OutputComparison.mismatch(expected: "ok\nloss 0.3125", actual: "ok\nloss 0.35")
        #expect(m?.line == 2 && m?.expected == "loss 0.3125" && m?.actual == "loss 0.35")
        #expect(m?.number?.expected == "0.3125" && m?.number?.actual == "0.35" && m?.number?.rule == Tolerance.builtIn.numbers)
    }

    @Test func integersMustBeEqual() {
        #expect(OutputComparison.mismatch(expected: "9999 images", actual: "10000 images") != nil)
        #expect(OutputComparison.mismatch(expected: "epoch 3", actual: "epoch 3") == nil)
    }

    @Test func textAndLineCountMatter() {
        #expect(OutputComparison.mismatch(expected: "cat", actual: "dog") != nil)
        #expect(OutputComparison.mismatch(expected: "a\nb", actual: "a")?.line == 2)
        // Trailing spaces and trailing blank lines do not.
        #expect(OutputComparison.mismatch(expected: "a  \n\n\n", actual: "a") == nil)
    }

    @Test func digitsInsideWordsAreText() {
        #expect(OutputComparison.mismatch(expected: "conv2d", actual: "conv3d") != nil)
        #expect(OutputComparison.mismatch(expected: "x1", actual: "x1") == nil)
    }
}
