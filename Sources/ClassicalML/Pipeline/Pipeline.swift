/// A chain of transformers ending in a model, written as a result builder. Fitting fits each
/// step on the output of the previous one; predicting replays the same transforms, so test
/// data is always treated exactly like training data.
///
///     let model = Pipeline { StandardScaler(); PCA(components: 20); SVM(kernel: .rbf(gamma: 0.1), c: 1) }
///     let fitted = try model.fit(train.x, train.y)
///     let predicted = try fitted.predict(test.x)
///
/// `if` and `for` work inside the braces. A pipeline is itself a `Classifier`, so it can be
/// cross-validated or grid-searched; with a regressor last, `fit(x, targets)` takes `[Double]`.
public struct Pipeline: Classifier, CustomStringConvertible {
    public let steps: [PipelineStep]

    public init(@PipelineBuilder _ steps: () -> [PipelineStep]) { self.steps = steps() }

    public var description: String { "Pipeline(" + steps.map(\.name).joined(separator: " → ") + ")" }

    /// Fits the transformers in order and returns the last one's output on `x` with the fitted transforms.
    private func fitTransformers(_ x: Matrix) throws -> (Matrix, [(Matrix) throws -> Matrix]) {
        var current = x
        var transforms: [(Matrix) throws -> Matrix] = []
        for step in steps.dropLast() {
            guard case .transformer(let fit) = step.kind else {
                throw ClassicalMLError.invalidHyperparameter(name: "Pipeline step \(step.name)", value: "a model",
                                                             requirement: "a transformer; only the last step may be a model")
            }
            let transform = try fit(current)
            current = try transform(current)
            transforms.append(transform)
        }
        return (current, transforms)
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        try Check.classification(x, y)
        guard let last = steps.last, case .classifier(let fitModel) = last.kind else {
            throw ClassicalMLError.invalidHyperparameter(name: "last Pipeline step", value: steps.last?.name ?? "none",
                                                         requirement: "a classifier (such as SVM or LogisticRegression) to fit class labels")
        }
        let (transformed, transforms) = try fitTransformers(x)
        return Fitted(transforms: transforms, model: try fitModel(transformed, y), featureCount: x.columns, description: description)
    }

    /// Fits a pipeline whose last step is a regressor.
    public func fit(_ x: Matrix, _ y: [Double]) throws -> FittedRegression {
        try Check.regression(x, y)
        guard let last = steps.last, case .regressor(let fitModel) = last.kind else {
            throw ClassicalMLError.invalidHyperparameter(name: "last Pipeline step", value: steps.last?.name ?? "none",
                                                         requirement: "a regressor (such as Ridge) to fit real-valued targets")
        }
        let (transformed, transforms) = try fitTransformers(x)
        return FittedRegression(transforms: transforms, model: try fitModel(transformed, y), featureCount: x.columns)
    }

    public struct Fitted: FittedClassifier {
        let transforms: [(Matrix) throws -> Matrix]
        /// The fitted final model.
        public let model: any FittedClassifier
        public let featureCount: Int
        let description: String
        public var classCount: Int { model.classCount }

        /// `x` passed through every fitted transformer.
        public func transform(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            return try transforms.reduce(x) { try $1($0) }
        }

        public func predict(_ x: Matrix) throws -> [Int] { try model.predict(transform(x)) }
        public func predictProbabilities(_ x: Matrix) throws -> Matrix { try model.predictProbabilities(transform(x)) }
    }

    public struct FittedRegression: FittedRegressor {
        let transforms: [(Matrix) throws -> Matrix]
        public let model: any FittedRegressor
        public let featureCount: Int

        public func predict(_ x: Matrix) throws -> [Double] {
            try Check.predictionInput(x, expected: featureCount)
            return try model.predict(transforms.reduce(x) { try $1($0) })
        }
    }
}

/// One type-erased step of a `Pipeline`.
public struct PipelineStep {
    enum Kind {
        case transformer((Matrix) throws -> (Matrix) throws -> Matrix)
        case classifier((Matrix, [Int]) throws -> any FittedClassifier)
        case regressor((Matrix, [Double]) throws -> any FittedRegressor)
    }
    let kind: Kind
    /// The step's type name, for printing.
    public let name: String
}

/// Builds the steps of a `Pipeline` from transformers, classifiers and regressors.
@resultBuilder
public enum PipelineBuilder {
    public static func buildExpression<T: Transformer>(_ step: T) -> [PipelineStep] {
        [PipelineStep(kind: .transformer { x in let fitted = try step.fit(x); return fitted.transform }, name: "\(T.self)")]
    }
    public static func buildExpression<C: Classifier>(_ step: C) -> [PipelineStep] {
        [PipelineStep(kind: .classifier { x, y in try step.fit(x, y) }, name: "\(C.self)")]
    }
    public static func buildExpression<R: Regressor>(_ step: R) -> [PipelineStep] {
        [PipelineStep(kind: .regressor { x, y in try step.fit(x, y) }, name: "\(R.self)")]
    }
    public static func buildBlock(_ parts: [PipelineStep]...) -> [PipelineStep] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [PipelineStep]?) -> [PipelineStep] { part ?? [] }
    public static func buildEither(first part: [PipelineStep]) -> [PipelineStep] { part }
    public static func buildEither(second part: [PipelineStep]) -> [PipelineStep] { part }
    public static func buildArray(_ parts: [[PipelineStep]]) -> [PipelineStep] { parts.flatMap { $0 } }
}
