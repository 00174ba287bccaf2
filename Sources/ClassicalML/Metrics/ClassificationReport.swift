import Foundation

/// A printable table of per-class precision, recall, F1 and support, with accuracy and the
/// macro and weighted averages — the layout of scikit-learn's `classification_report`.
///
///     print(classificationReport(test.y, predicted, classNames: data.classNames))
public struct ClassificationReport: Sendable, CustomStringConvertible {
    public let classNames: [String]
    public let scores: [ClassScores]
    public let accuracy: Double

    public var macroF1: Double { scores.map(\.f1).reduce(0, +) / Double(max(1, scores.count)) }

    public var description: String {
        let nameWidth = max(12, (classNames.map(\.count).max() ?? 0) + 2)
        func name(_ s: String) -> String { String(repeating: " ", count: max(0, nameWidth - s.count)) + s }
        func num(_ v: Double) -> String { String(format: "%10.2f", v) }
        func count(_ n: Int) -> String { String(format: "%10d", n) }
        let total = scores.map(\.support).reduce(0, +)
        var lines = [name("") + "  precision    recall  f1-score   support".replacingOccurrences(of: "  precision", with: " precision"), ""]
        for (n, s) in zip(classNames, scores) {
            lines.append(name(n) + num(s.precision) + num(s.recall) + num(s.f1) + count(s.support))
        }
        lines.append("")
        lines.append(name("accuracy") + String(repeating: " ", count: 20) + num(accuracy) + count(total))
        let k = Double(max(1, scores.count))
        let weights = scores.map { Double($0.support) / Double(max(1, total)) }
        lines.append(name("macro avg") + num(scores.map(\.precision).reduce(0, +) / k)
                     + num(scores.map(\.recall).reduce(0, +) / k) + num(macroF1) + count(total))
        lines.append(name("weighted avg") + num(zip(scores, weights).map { $0.precision * $1 }.reduce(0, +))
                     + num(zip(scores, weights).map { $0.recall * $1 }.reduce(0, +))
                     + num(zip(scores, weights).map { $0.f1 * $1 }.reduce(0, +)) + count(total))
        return lines.joined(separator: "\n")
    }
}

/// Builds the report; class names default to "0", "1", ….
public func classificationReport(_ truth: [Int], _ predicted: [Int], classNames: [String]? = nil) -> ClassificationReport {
    let k = classNames?.count ?? ((truth + predicted).max() ?? -1) + 1
    return ClassificationReport(classNames: classNames ?? (0..<k).map(String.init),
                                scores: perClassScores(truth, predicted, classCount: k),
                                accuracy: accuracy(truth, predicted))
}
