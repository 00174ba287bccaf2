import NumericCore

/// Batches of a data set, shuffled with a seeded generator (a new order every epoch, the same
/// orders on every run) and optionally augmented.
///
///     for (images, labels) in DataLoader(train, batchSize: 64, shuffle: true, seed: 0) { … }
///     let augmented = DataLoader(train, batchSize: 64, shuffle: true, seed: 0,
///                                transforms: [.randomCrop(size: 28, padding: 2), .horizontalFlip()])
public final class DataLoader: Sequence {
    public let dataset: any Dataset
    public let batchSize: Int
    public let shuffle: Bool
    public let dropLast: Bool
    public let transforms: [Transform]
    private var generator: SeededGenerator
    /// How many passes have started (each `for` loop over the loader is one epoch).
    public private(set) var epoch = 0

    public init(_ dataset: any Dataset, batchSize: Int, shuffle: Bool = false, seed: UInt64 = 0,
                dropLast: Bool = false, transforms: [Transform] = []) {
        guard batchSize > 0 else { shapeFailure("DataLoader: batchSize must be positive, got \(batchSize)") }
        self.dataset = dataset; self.batchSize = batchSize; self.shuffle = shuffle
        self.dropLast = dropLast; self.transforms = transforms
        generator = SeededGenerator(seed: seed)
    }

    /// Batches per epoch.
    public var batchCount: Int {
        dropLast ? dataset.count / batchSize : (dataset.count + batchSize - 1) / batchSize
    }

    public func makeIterator() -> AnyIterator<(Tensor, Tensor)> {
        epoch += 1
        let order = shuffle ? generator.permutation(dataset.count) : Array(0..<dataset.count)
        var augmentation = SeededGenerator(seed: generator.next())
        var start = 0
        let total = batchCount
        var produced = 0
        return AnyIterator { [self] in
            guard produced < total else { return nil }
            let end = Swift.min(start + batchSize, order.count)
            let indices = Array(order[start..<end])
            start = end
            produced += 1
            var (inputs, targets) = dataset.batch(indices)
            for transform in transforms { inputs = transform.apply(inputs, &augmentation) }
            return (inputs, targets)
        }
    }
}
