/// A classifier's hyperparameters: a value type (copying is cloning) whose `fit` validates its
/// input and returns a separate fitted model, so an unfitted model cannot predict.
///
///     let fitted = try LogisticRegression(c: 1).fit(x, y)
///     let labels = try fitted.predict(xNew)
public protocol Classifier {
    associatedtype Fitted: FittedClassifier
    /// Learns from features `x` (one row per sample) and class indices `y` (`0..<classCount`).
    func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted
}

/// A fitted classifier.
public protocol FittedClassifier {
    /// The number of features the model was fitted on.
    var featureCount: Int { get }
    /// The number of classes seen in training (largest label + 1).
    var classCount: Int { get }
    /// The predicted class index of every row.
    func predict(_ x: Matrix) throws -> [Int]
    /// Class probabilities, one row per sample and one column per class, where the model has them.
    func predictProbabilities(_ x: Matrix) throws -> Matrix
}

/// A regressor's hyperparameters; `fit` returns the fitted model.
///
///     let fitted = try Ridge(alpha: 1).fit(x, targets)
public protocol Regressor {
    associatedtype Fitted: FittedRegressor
    func fit(_ x: Matrix, _ y: [Double]) throws -> Fitted
}

/// A fitted regressor.
public protocol FittedRegressor {
    var featureCount: Int { get }
    func predict(_ x: Matrix) throws -> [Double]
}

/// A transformer's hyperparameters (a scaler, PCA, …); `fit` learns from `x` alone.
///
///     let scaler = try StandardScaler().fit(train.x)
///     let scaled = try scaler.transform(test.x)
public protocol Transformer {
    associatedtype Fitted: FittedTransformer
    func fit(_ x: Matrix) throws -> Fitted
}

/// A fitted transformer.
public protocol FittedTransformer {
    var featureCount: Int { get }
    func transform(_ x: Matrix) throws -> Matrix
}

extension Transformer {
    /// Fits on `x` and returns `x` transformed.
    public func fitTransform(_ x: Matrix) throws -> Matrix {
        try fit(x).transform(x)
    }
}

extension FittedClassifier {
    /// Accuracy on labelled data.
    public func score(_ x: Matrix, _ y: [Int]) throws -> Double {
        accuracy(y, try predict(x))
    }
}

extension FittedRegressor {
    /// R² on labelled data.
    public func score(_ x: Matrix, _ y: [Double]) throws -> Double {
        r2Score(y, try predict(x))
    }
}

extension Matrix {
    /// The index of the largest value in every row (ties go to the first).
    func rowArgmax() -> [Int] {
        (0..<rows).map { r in
            var best = 0
            var bestValue = -Double.infinity
            for c in 0..<columns where values[r * columns + c] > bestValue { bestValue = values[r * columns + c]; best = c }
            return best
        }
    }
}
