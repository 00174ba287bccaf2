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
///
/// `.macro` and `.weighted` average over `labels`, by default the labels that occur in the
/// truth or the predictions (scikit-learn's behaviour): a class absent from both does not
/// count as a score of 0. Pass `labels` to choose the classes, in any order.
///
///     precision([0, 2, 2], [0, 2, 0])                    // classes 0 and 2: (0.5 + 1) / 2
///     precision([0, 2, 2], [0, 2, 0], labels: [0, 1, 2]) // class 1 counts as 0: 0.5
public func precision(_ truth: [Int], _ predicted: [Int], average: Averaging = .macro, labels: [Int]? = nil) -> Double {
    combine(truth, predicted, average, labels, \.precision)
}

/// Recall of predictions (averaged as `precision` describes).
public func recall(_ truth: [Int], _ predicted: [Int], average: Averaging = .macro, labels: [Int]? = nil) -> Double {
    combine(truth, predicted, average, labels, \.recall)
}

/// F1 score of predictions (averaged as `precision` describes).
///
///     f1Score([0, 1, 4, 4], [0, 1, 4, 1])   // over classes 0, 1 and 4 only
public func f1Score(_ truth: [Int], _ predicted: [Int], average: Averaging = .macro, labels: [Int]? = nil) -> Double {
    combine(truth, predicted, average, labels, \.f1)
}

/// The labels that occur in `truth` or `predicted`, ascending: what `.macro` averages over.
func presentLabels(_ truth: [Int], _ predicted: [Int]) -> [Int] {
    Set(truth + predicted).sorted()
}

private func combine(_ truth: [Int], _ predicted: [Int], _ average: Averaging, _ labels: [Int]?,
                     _ metric: KeyPath<ClassScores, Double>) -> Double {
    if let negative = (labels ?? []).first(where: { $0 < 0 }) {
        engineFailure("labels: \(negative) is negative; labels must be class indices 0, 1, 2, …")
    }
    let chosen = labels ?? presentLabels(truth, predicted)
    let classCount = max(((truth + predicted).max() ?? -1) + 1, (chosen.max() ?? -1) + 1)
    let all = perClassScores(truth, predicted, classCount: classCount)
    switch average {
    case .macro:
        return chosen.isEmpty ? 0 : chosen.map { all[$0][keyPath: metric] }.reduce(0, +) / Double(chosen.count)
    case .weighted:
        let total = Double(chosen.map { all[$0].support }.reduce(0, +))
        return total == 0 ? 0 : chosen.map { all[$0][keyPath: metric] * Double(all[$0].support) }.reduce(0, +) / total
    case .binary:
        return all.count > 1 ? all[1][keyPath: metric] : 0
    }
}

/// Cross-entropy of predicted probabilities (one row per sample, one column per class),
/// with probabilities clipped to `[1e-15, 1 − 1e-15]`. Every row must hold probabilities in
/// `[0, 1]` that sum to 1 within scikit-learn's tolerance (`LogLossCheck`); anything else
/// stops with a message, since rescaling would hide that the inputs are not probabilities.
///
///     logLoss([0, 1], Matrix([[0.9, 0.1], [0.2, 0.8]]))   // 0.164
public func logLoss(_ truth: [Int], _ probabilities: Matrix) -> Double {
    engineRequire(truth.count == probabilities.rows, "logLoss: \(truth.count) labels but \(probabilities.rows) rows of probabilities")
    if let message = LogLossCheck.problem(truth, probabilities) { engineFailure(message) }
    var total = 0.0
    for (r, t) in truth.enumerated() {
        let p = min(max(probabilities[r, t], 1e-15), 1 - 1e-15)
        total -= log(p)
    }
    return total / Double(max(1, truth.count))
}
