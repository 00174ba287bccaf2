import Datasets

/// Examples that a `DataLoader` can batch: inputs and targets gathered by index.
public protocol Dataset {
    var count: Int { get }
    /// The inputs and targets of the examples at `indices`, stacked along a new first axis.
    func batch(_ indices: [Int]) -> (inputs: Tensor, targets: Tensor)
}

/// Inputs and targets held as two tensors whose first axes index the examples.
///
///     let data = TensorDataset(inputs: x, targets: Tensor(indices: labels))
public struct TensorDataset: Dataset {
    public let inputs: Tensor
    public let targets: Tensor

    public init(inputs: Tensor, targets: Tensor) {
        guard inputs.rank >= 1, targets.rank >= 1, inputs.shape[0] == targets.shape[0] else {
            shapeFailure("TensorDataset: inputs \(inputs.shape) and targets \(targets.shape) need the same number of examples along the first axis")
        }
        self.inputs = inputs.detached()
        self.targets = targets.detached()
    }

    /// Rows of `Double` features and one target each, as classical-ML data sets store them.
    ///
    ///     let data = TensorDataset(features: iris.features, featureCount: iris.featureCount, targets: iris.targets)
    public init(features: [Double], featureCount: Int, targets: [Double]) {
        self.init(inputs: Tensor(features.map(Float.init), shape: [features.count / max(featureCount, 1), featureCount]),
                  targets: Tensor(targets.map(Float.init)))
    }

    public var count: Int { inputs.shape[0] }

    public func batch(_ indices: [Int]) -> (inputs: Tensor, targets: Tensor) {
        withoutGradients { (inputs.rows(indices), targets.rows(indices)) }
    }
}

extension ImageDataset: Dataset {
    /// Images as `[N, channels, height, width]` and class indices as `[N]`.
    public func batch(_ indices: [Int]) -> (inputs: Tensor, targets: Tensor) {
        let images = Tensor.uninitialized([indices.count, channels, height, width])
        copyPixels(of: indices, into: images.pointer)
        return (images, Tensor(indices: indices.map { labels[$0] }))
    }

    /// The whole data set as tensors (images `[N, C, H, W]`, labels `[N]`).
    public var tensors: (images: Tensor, labels: Tensor) {
        let all = batch(Array(0..<count))
        return (all.inputs, all.targets)
    }
}
