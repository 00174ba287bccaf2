import NumericCore

/// Mean squared error.
///
///     meanSquaredError([1, 2], [1, 4])   // 2
public func meanSquaredError(_ truth: [Double], _ predicted: [Double]) -> Double {
    engineRequire(truth.count == predicted.count, "meanSquaredError: \(truth.count) targets but \(predicted.count) predictions")
    return zip(truth, predicted).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(max(1, truth.count))
}

/// Mean absolute error.
public func meanAbsoluteError(_ truth: [Double], _ predicted: [Double]) -> Double {
    engineRequire(truth.count == predicted.count, "meanAbsoluteError: \(truth.count) targets but \(predicted.count) predictions")
    return zip(truth, predicted).map { abs($0 - $1) }.reduce(0, +) / Double(max(1, truth.count))
}

/// The coefficient of determination R² (1 is perfect, 0 is as good as predicting the mean).
public func r2Score(_ truth: [Double], _ predicted: [Double]) -> Double {
    engineRequire(truth.count == predicted.count, "r2Score: \(truth.count) targets but \(predicted.count) predictions")
    let mean = truth.reduce(0, +) / Double(max(1, truth.count))
    let residual = zip(truth, predicted).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
    let total = truth.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
    if total == 0 { return residual == 0 ? 1 : 0 }
    return 1 - residual / total
}
