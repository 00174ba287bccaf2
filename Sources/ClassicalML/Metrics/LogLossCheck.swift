/// What `logLoss` accepts: probabilities in `[0, 1]`, rows summing to 1 within scikit-learn's
/// tolerance (`|sum − 1| ≤ 1e-8 + √ε` for doubles, the `isclose(sum, 1, rtol: √ε)` of
/// scikit-learn 1.9), and labels that name a column.
///
///     LogLossCheck.problem([0], Matrix([[0.6, 0.6]]))   // "logLoss: row 0 of the probabilities sums to 1.2 …"
enum LogLossCheck {
    static let tolerance = 1e-8 + Double.ulpOfOne.squareRoot()

    /// A message naming the first problem, or nil when the input is valid.
    static func problem(_ truth: [Int], _ probabilities: Matrix) -> String? {
        for r in 0..<probabilities.rows {
            var sum = 0.0
            for c in 0..<probabilities.columns {
                let p = probabilities[r, c]
                guard p >= 0 && p <= 1 else {
                    return "logLoss: the probability at row \(r), column \(c) is \(p); probabilities must lie in [0, 1] (pass predictProbabilities, not scores or margins)"
                }
                sum += p
            }
            guard abs(sum - 1) <= tolerance else {
                return "logLoss: row \(r) of the probabilities sums to \(sum), not 1; pass each sample's probabilities over all \(probabilities.columns) classes (from predictProbabilities), or normalise the rows yourself if rescaling is what you mean"
            }
        }
        if let (row, label) = truth.enumerated().first(where: { $0.element < 0 || $0.element >= probabilities.columns }) {
            return "logLoss: label \(label) (row \(row)) has no column among the \(probabilities.columns) columns of probabilities; labels must be class indices 0..<\(probabilities.columns)"
        }
        return nil
    }
}
