import NumericCore

/// A receiver operating characteristic curve: false- and true-positive rates at each threshold
/// (thresholds descending, starting above the highest score as scikit-learn does).
///
///     let roc = rocCurve(test.y, fitted.predictProbabilities(test.x).column(1))
///     print(roc.auc)
public struct ROCCurve: Sendable, Equatable {
    public let falsePositiveRates: [Double]
    public let truePositiveRates: [Double]
    public let thresholds: [Double]
    /// The area under the curve (trapezoidal rule).
    public var auc: Double {
        var area = 0.0
        for i in 1..<max(1, falsePositiveRates.count) {
            area += (falsePositiveRates[i] - falsePositiveRates[i - 1]) * (truePositiveRates[i] + truePositiveRates[i - 1]) / 2
        }
        return area
    }
}

/// The ROC curve of scores for the positive class (`truth` is 1 for positive, 0 for negative).
public func rocCurve(_ truth: [Int], _ scores: [Double], positiveClass: Int = 1) -> ROCCurve {
    engineRequire(truth.count == scores.count, "rocCurve: \(truth.count) labels but \(scores.count) scores")
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    let positives = Double(truth.filter { $0 == positiveClass }.count)
    let negatives = Double(truth.count) - positives
    var fpr = [0.0], tpr = [0.0], thresholds = [Double.infinity]
    var tp = 0.0, fp = 0.0
    for (i, index) in order.enumerated() {
        if truth[index] == positiveClass { tp += 1 } else { fp += 1 }
        let lastOfTie = i == order.count - 1 || scores[order[i + 1]] != scores[index]
        if lastOfTie {
            fpr.append(negatives > 0 ? fp / negatives : 0)
            tpr.append(positives > 0 ? tp / positives : 0)
            thresholds.append(scores[index])
        }
    }
    return ROCCurve(falsePositiveRates: fpr, truePositiveRates: tpr, thresholds: thresholds)
}

/// The area under the ROC curve of scores for the positive class.
public func rocAUC(_ truth: [Int], _ scores: [Double], positiveClass: Int = 1) -> Double {
    rocCurve(truth, scores, positiveClass: positiveClass).auc
}
