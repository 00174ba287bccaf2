/// Input checks shared by every `fit` and `predict`; each throws a `ClassicalMLError`.
enum Check {
    /// `x` is non-empty and finite.
    static func features(_ x: Matrix) throws {
        guard x.rows > 0, x.columns > 0 else { throw ClassicalMLError.emptyInput }
        if let bad = x.values.firstIndex(where: { !$0.isFinite }) {
            throw ClassicalMLError.nonFiniteValue(row: bad / x.columns, column: bad % x.columns)
        }
    }

    /// `x` is valid and holds `expected` features.
    static func predictionInput(_ x: Matrix, expected: Int) throws {
        guard x.columns == expected else { throw ClassicalMLError.featureCountMismatch(expected: expected, got: x.columns) }
        guard x.rows > 0 else { throw ClassicalMLError.emptyInput }
        if let bad = x.values.firstIndex(where: { !$0.isFinite }) {
            throw ClassicalMLError.nonFinitePredictionValue(row: bad / x.columns, column: bad % x.columns)
        }
    }

    /// Classification input: valid `x`, one non-negative label per row, at least two classes.
    /// Returns the number of classes (largest label + 1).
    @discardableResult
    static func classification(_ x: Matrix, _ y: [Int]) throws -> Int {
        try features(x)
        guard x.rows == y.count else { throw ClassicalMLError.mismatchedLengths(samples: x.rows, targets: y.count) }
        if let negative = y.first(where: { $0 < 0 }) { throw ClassicalMLError.negativeLabel(negative) }
        let first = y[0]
        guard y.contains(where: { $0 != first }) else { throw ClassicalMLError.singleClass(label: first) }
        return (y.max() ?? 0) + 1
    }

    /// Regression input: valid `x`, one finite target per row.
    static func regression(_ x: Matrix, _ y: [Double]) throws {
        try features(x)
        guard x.rows == y.count else { throw ClassicalMLError.mismatchedLengths(samples: x.rows, targets: y.count) }
        if let bad = y.firstIndex(where: { !$0.isFinite }) { throw ClassicalMLError.nonFiniteTarget(row: bad) }
    }

    /// A hyperparameter condition.
    static func parameter(_ condition: Bool, _ name: String, _ value: Any, _ requirement: String) throws {
        if !condition { throw ClassicalMLError.invalidHyperparameter(name: name, value: "\(value)", requirement: requirement) }
    }
}
