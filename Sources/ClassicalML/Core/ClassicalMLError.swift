/// Why a ClassicalML call refused its input. Every case's `description` names the problem and
/// the fix, so a failing cell reads like advice rather than a crash.
///
///     do { _ = try KNearestNeighbors(k: 500).fit(x, y) }
///     catch { print(error) }   // "k = 500 is larger than the 150 training samples; …"
public enum ClassicalMLError: Error, Equatable, CustomStringConvertible {
    /// `x` has a different number of rows than `y` has labels.
    case mismatchedLengths(samples: Int, targets: Int)
    /// A value of `x` (or `y`) is NaN or infinite.
    case nonFiniteValue(row: Int, column: Int)
    /// A value of the input to `predict` (or `transform`, `score`) is NaN or infinite.
    case nonFinitePredictionValue(row: Int, column: Int)
    /// A regression target is NaN or infinite.
    case nonFiniteTarget(row: Int)
    /// Classification needs at least two classes in the training labels.
    case singleClass(label: Int)
    /// A model asked for more samples (neighbours, clusters, folds, components) than there are.
    case tooFewSamples(requested: Int, available: Int, what: String)
    /// Prediction data has a different number of features than the training data.
    case featureCountMismatch(expected: Int, got: Int)
    /// There is no data at all.
    case emptyInput
    /// A hyperparameter is out of its valid range.
    case invalidHyperparameter(name: String, value: String, requirement: String)
    /// A class label is negative; labels must be class indices `0..<classCount`.
    case negativeLabel(Int)
    /// A numerical routine failed (for example a singular system).
    case numericalFailure(String)

    public var description: String {
        switch self {
        case let .mismatchedLengths(samples, targets):
            return "x has \(samples) rows but y has \(targets) targets; pass one target per row (check that x and y come from the same split)."
        case let .nonFiniteValue(row, column):
            return "The input holds NaN or infinity at row \(row), column \(column); drop or impute missing values before fitting."
        case let .nonFinitePredictionValue(row, column):
            return "The input to predict or transform holds NaN or infinity at row \(row), column \(column); drop or impute its missing values the same way as the training data's before predicting."
        case let .nonFiniteTarget(row):
            return "The target of row \(row) is NaN or infinity; drop that row or impute the target before fitting."
        case let .singleClass(label):
            return "The training labels hold only one class (\(label)); a classifier needs at least two — check the split (try stratified: true)."
        case let .tooFewSamples(requested, available, what):
            return "\(what) = \(requested) is larger than the \(available) training samples; choose \(what) ≤ \(available) or use more data."
        case let .featureCountMismatch(expected, got):
            return "The model was fitted on \(expected) features but this input has \(got); transform new data exactly as the training data (use a Pipeline)."
        case .emptyInput:
            return "The input has no rows (or no columns); pass at least one sample with at least one feature."
        case let .invalidHyperparameter(name, value, requirement):
            return "\(name) = \(value) is not valid: \(name) must be \(requirement)."
        case let .negativeLabel(label):
            return "Label \(label) is negative; classification labels must be class indices 0, 1, 2, …"
        case let .numericalFailure(detail):
            return "A numerical step failed: \(detail). Try scaling the features or adding regularisation."
        }
    }
}
