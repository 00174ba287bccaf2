import Foundation
import Testing
import ClassicalML

/// Checks on the caller's data stop the program through `engineFailure`, whose message reaches
/// standard error (in release builds too; `precondition` would drop it there). Exit tests run
/// each case in a child process and read what it wrote.
@Suite struct FailureMessageTests {
    /// Whether the exit test's standard error contains `expected`.
    static func expectStandardError(_ result: ExitTest.Result?, contains expected: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains(expected), "standard error was: \(stderr)", sourceLocation: sourceLocation)
    }

    @Test func matrixWithTooFewValues() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { _ = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5]) }
        Self.expectStandardError(result, contains: "Matrix(rows: 2, columns: 3): 5 values do not fill 2×3 (6 needed)")
    }

    @Test func accuracyOfListsOfDifferentLengths() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { _ = accuracy([0, 1, 1], [0, 1]) }
        Self.expectStandardError(result, contains: "accuracy: 3 true labels but 2 predictions")
    }

    @Test func trainTestSplitWithAFractionAboveOne() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = trainTestSplit(Iris.load(), testFraction: 1.5)
        }
        Self.expectStandardError(result, contains: "trainTestSplit: testFraction must lie strictly between 0 and 1, got 1.5")
    }

    @Test func logLossOfRowsThatAreNotProbabilities() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = logLoss([0], Matrix([[1, 1]]))
        }
        Self.expectStandardError(result, contains: "logLoss: row 0 of the probabilities sums to 2.0, not 1")
    }
}
