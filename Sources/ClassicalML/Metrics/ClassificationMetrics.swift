import NumericCore
import Foundation

/// The fraction of predictions equal to the truth.
///
///     accuracy([0, 1, 1], [0, 1, 0])   // 0.667
public func accuracy(_ truth: [Int], _ predicted: [Int]) -> Double {
    engineRequire(truth.count == predicted.count, "accuracy: \(truth.count) true labels but \(predicted.count) predictions")
    guard !truth.isEmpty else { return 0 }
    return Double(zip(truth, predicted).filter { $0 == $1 }.count) / Double(truth.count)
}

/// Counts of (true class, predicted class): `matrix[t][p]` samples of class `t` predicted as `p`.
///
///     let cm = confusionMatrix(test.y, predicted)
///     print(cm)
public struct ConfusionMatrix: Sendable, Equatable, CustomStringConvertible {
    public let counts: [[Int]]
    public let classNames: [String]

    public subscript(truth: Int, predicted: Int) -> Int { counts[truth][predicted] }

    public var description: String {
        let width = max(6, (classNames.map(\.count).max() ?? 0) + 1, String(counts.flatMap { $0 }.max() ?? 0).count + 1)
        func pad(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var lines = [pad("true\\pred") + " " + classNames.map(pad).joined(separator: " ")]
        for (name, row) in zip(classNames, counts) {
            lines.append(pad(name) + " " + row.map { pad(String($0)) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}

/// The confusion matrix of predictions; `classCount` defaults to the largest label seen + 1.
public func confusionMatrix(_ truth: [Int], _ predicted: [Int], classCount: Int? = nil,
                            classNames: [String]? = nil) -> ConfusionMatrix {
    engineRequire(truth.count == predicted.count, "confusionMatrix: \(truth.count) true labels but \(predicted.count) predictions")
    let k = classCount ?? classNames?.count ?? ((truth + predicted).max() ?? -1) + 1
    var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
    for (t, p) in zip(truth, predicted) where t < k && p < k { counts[t][p] += 1 }
    return ConfusionMatrix(counts: counts, classNames: classNames ?? (0..<k).map(String.init))
}

/// Precision, recall, F1 and support of one class.
public struct ClassScores: Sendable, Equatable {
    public let precision: Double
    public let recall: Double
    public let f1: Double
    public let support: Int
}

/// Per-class precision, recall and F1 (a class never predicted has precision 0, as in scikit-learn).
public func perClassScores(_ truth: [Int], _ predicted: [Int], classCount: Int? = nil) -> [ClassScores] {
    let cm = confusionMatrix(truth, predicted, classCount: classCount)
    let k = cm.counts.count
    return (0..<k).map { c in
        let tp = Double(cm[c, c])
        let predictedC = Double((0..<k).reduce(0) { $0 + cm[$1, c] })
        let actualC = Double(cm.counts[c].reduce(0, +))
        let p = predictedC > 0 ? tp / predictedC : 0
        let r = actualC > 0 ? tp / actualC : 0
        return ClassScores(precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0, support: Int(actualC))
    }
}

/// How per-class scores combine into one number.
public enum Averaging: Sendable {
    /// The plain mean over classes.
    case macro
    /// The mean weighted by each class's support.
    case weighted
    /// The score of class 1 only (binary problems).
    case binary
}

/// Precision of predictions (macro average by default; `.binary` scores class 1).
public func precision(_ truth: [Int], _ predicted: [Int], average: Averaging = .macro) -> Double {
    combine(perClassScores(truth, predicted), average, \.precision)
}

/// Recall of predictions.
public func recall(_ truth: [Int], _ predicted: [Int], average: Averaging = .macro) -> Double {
    combine(perClassScores(truth, predicted), average, \.recall)
}

/// F1 score of predictions.
public func f1Score(_ truth: [Int], _ predicted: [Int], average: Averaging = .macro) -> Double {
    combine(perClassScores(truth, predicted), average, \.f1)
}

private func combine(_ scores: [ClassScores], _ average: Averaging, _ metric: KeyPath<ClassScores, Double>) -> Double {
    switch average {
    case .macro:
        return scores.isEmpty ? 0 : scores.map { $0[keyPath: metric] }.reduce(0, +) / Double(scores.count)
    case .weighted:
        let total = Double(scores.map(\.support).reduce(0, +))
        return total == 0 ? 0 : scores.map { $0[keyPath: metric] * Double($0.support) }.reduce(0, +) / total
    case .binary:
        return scores.count > 1 ? scores[1][keyPath: metric] : 0
    }
}

/// Cross-entropy of predicted probabilities (one row per sample, one column per class),
/// with probabilities clipped to `[1e-15, 1 − 1e-15]`.
public func logLoss(_ truth: [Int], _ probabilities: Matrix) -> Double {
    engineRequire(truth.count == probabilities.rows, "logLoss: \(truth.count) labels but \(probabilities.rows) rows of probabilities")
    var total = 0.0
    for (r, t) in truth.enumerated() {
        var rowSum = 0.0
        for c in 0..<probabilities.columns { rowSum += probabilities[r, c] }
        let p = min(max(probabilities[r, t] / max(rowSum, 1e-300), 1e-15), 1 - 1e-15)
        total -= log(p)
    }
    return total / Double(max(1, truth.count))
}
