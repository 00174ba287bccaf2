import Foundation
import Testing
@testable import ClassicalML

/// Macro averages over the labels present (or an explicit list) and the log loss's input
/// check, against scikit-learn 1.9 (`classification_metrics` and `log_loss` in the fixture).
@Suite("Metric averaging and log-loss checks match scikit-learn")
struct MetricAveragingTests {
    static let truth = Reference.integers("classification_metrics", "truth")
    static let predicted = Reference.integers("classification_metrics", "predicted")
    static let labels = Reference.integers("classification_metrics", "labels")

    static func expected(_ key: String) -> Double { Reference.number("classification_metrics", key) }

    @Test func macroAveragesOverThePresentLabels() {
        let (t, p) = (Self.truth, Self.predicted)
        #expect(abs(precision(t, p) - Self.expected("precision_macro")) < 1e-12)
        #expect(abs(recall(t, p) - Self.expected("recall_macro")) < 1e-12)
        #expect(abs(f1Score(t, p) - Self.expected("f1_macro")) < 1e-12)
    }

    @Test func weightedAveragesAgree() {
        let (t, p) = (Self.truth, Self.predicted)
        #expect(abs(precision(t, p, average: .weighted) - Self.expected("precision_weighted")) < 1e-12)
        #expect(abs(recall(t, p, average: .weighted) - Self.expected("recall_weighted")) < 1e-12)
        #expect(abs(f1Score(t, p, average: .weighted) - Self.expected("f1_weighted")) < 1e-12)
    }

    @Test func explicitLabelsChooseTheClasses() {
        let (t, p, l) = (Self.truth, Self.predicted, Self.labels)
        #expect(abs(precision(t, p, labels: l) - Self.expected("precision_macro_labels")) < 1e-12)
        #expect(abs(recall(t, p, labels: l) - Self.expected("recall_macro_labels")) < 1e-12)
        #expect(abs(f1Score(t, p, labels: l) - Self.expected("f1_macro_labels")) < 1e-12)
    }

    @Test func anAbsentLabelNoLongerCountsAsZero() {
        // By hand: classes 0 and 2 only; class 0 precision 1/2, class 2 precision 1.
        #expect(abs(precision([0, 2, 2], [0, 2, 0]) - 0.75) < 1e-12)
        #expect(abs(precision([0, 2, 2], [0, 2, 0], labels: [0, 1, 2]) - 0.5) < 1e-12)
    }

    @Test func logLossOfProperProbabilities() {
        let rows = Reference.table("log_loss", "probabilities")
        let value = logLoss(Reference.integers("log_loss", "truth"), Matrix(rows))
        #expect(abs(value - Reference.number("log_loss", "value")) < 1e-12)
    }

    @Test func logLossRefusesRowsThatDoNotSumToOne() {
        let message = LogLossCheck.problem([0, 1], Matrix([[0.7, 0.3], [0.6, 0.6]]))
        #expect(message?.hasPrefix("logLoss: row 1 of the probabilities sums to 1.2") == true)
        #expect(LogLossCheck.problem([0], Matrix([[1.2, -0.2]]))?.contains("must lie in [0, 1]") == true)
        #expect(LogLossCheck.problem([3], Matrix([[0.5, 0.5]]))?.contains("label 3 (row 0) has no column") == true)
        // Within scikit-learn's tolerance (1e-8 + √ε) a row passes.
        let tolerance = Reference.number("log_loss", "row_sum_rtol") + Reference.number("log_loss", "row_sum_atol")
        #expect(LogLossCheck.problem([0], Matrix([[0.5, 0.5 + tolerance / 2]])) == nil)
        #expect(LogLossCheck.problem([0], Matrix([[0.5, 0.5 + tolerance * 2]])) != nil)
    }
}

@Suite struct PredictionMessageTests {
    @Test func aNaNAtPredictTimeSaysPredicting() throws {
        let model = try LogisticRegression().fit(Matrix([[0, 1], [1, 0], [0, 0.5], [1, 0.2]]), [0, 1, 0, 1])
        let bad = Matrix([[0, .nan]])
        #expect(throws: ClassicalMLError.nonFinitePredictionValue(row: 0, column: 1)) { try model.predict(bad) }
        let text = ClassicalMLError.nonFinitePredictionValue(row: 0, column: 1).description
        #expect(text.contains("before predicting") && !text.contains("before fitting"))
    }
}
