import Testing
@testable import ClassicalML

@Suite struct MetricsTests {
    let truth = [0, 0, 1, 1, 2, 2, 2]
    let predicted = [0, 1, 1, 1, 2, 0, 2]

    @Test func classificationScores() {
        #expect(abs(accuracy(truth, predicted) - 5.0 / 7.0) < 1e-12)
        let cm = confusionMatrix(truth, predicted)
        #expect(cm.counts == [[1, 1, 0], [0, 2, 0], [1, 0, 2]])
        let scores = perClassScores(truth, predicted)
        #expect(abs(scores[1].precision - 2.0 / 3.0) < 1e-12 && scores[1].recall == 1)
        #expect(abs(precision(truth, predicted) - (0.5 + 2.0 / 3.0 + 1) / 3) < 1e-12)
        #expect(abs(recall(truth, predicted) - (0.5 + 1 + 2.0 / 3.0) / 3) < 1e-12)
        let f1 = scores.map(\.f1)
        #expect(abs(f1Score(truth, predicted) - f1.reduce(0, +) / 3) < 1e-12)
        #expect(abs(f1Score(truth, predicted, average: .weighted) - (2 * f1[0] + 2 * f1[1] + 3 * f1[2]) / 7) < 1e-12)
    }

    @Test func reportPrintsEveryClass() {
        let report = classificationReport(truth, predicted, classNames: ["cat", "dog", "fox"])
        let text = String(describing: report)
        for word in ["precision", "cat", "dog", "fox", "accuracy", "macro avg", "weighted avg", "0.71"] { #expect(text.contains(word)) }
        #expect(String(describing: confusionMatrix(truth, predicted, classNames: ["cat", "dog", "fox"])).contains("fox"))
    }

    @Test func rocCurveAndAUC() {
        // scikit-learn: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        let roc = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
        #expect(abs(roc.auc - 0.75) < 1e-12)
        #expect(roc.falsePositiveRates.first == 0 && roc.truePositiveRates.last == 1)
        #expect(rocAUC([0, 1], [0.2, 0.9]) == 1)
    }

    @Test func probabilisticAndRegressionScores() {
        let p = Matrix([[0.9, 0.1], [0.2, 0.8]])
        #expect(abs(logLoss([0, 1], p) - (-(log(0.9) + log(0.8)) / 2)) < 1e-12)
        #expect(meanSquaredError([1, 2, 3], [1, 2, 5]) == 4.0 / 3.0)
        #expect(meanAbsoluteError([1, 2, 3], [1, 2, 5]) == 2.0 / 3.0)
        #expect(abs(r2Score([1, 2, 3], [1, 2, 3]) - 1) < 1e-12)
        #expect(abs(r2Score([1, 2, 3], [2, 2, 2])) < 1e-12)
    }
}

import Foundation
