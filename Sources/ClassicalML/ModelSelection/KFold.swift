import NumericCore

/// K-fold cross-validation splits: every sample is in exactly one test fold.
///
///     for (train, test) in KFold(folds: 5, seed: 0).splits(count: 150) { … }
public struct KFold: Sendable {
    public var folds: Int
    public var shuffle: Bool
    public var seed: UInt64

    public init(folds: Int = 5, shuffle: Bool = true, seed: UInt64 = 0) {
        self.folds = folds; self.shuffle = shuffle; self.seed = seed
    }

    /// `(train, test)` row indices of every fold.
    public func splits(count: Int) throws -> [(train: [Int], test: [Int])] {
        try Check.parameter(folds >= 2, "folds", folds, "at least 2")
        guard folds <= count else { throw ClassicalMLError.tooFewSamples(requested: folds, available: count, what: "folds") }
        var rng = SeededGenerator(seed: seed)
        let order = shuffle ? rng.permutation(count) : Array(0..<count)
        return (0..<folds).map { f in
            let lo = count * f / folds, hi = count * (f + 1) / folds
            return (Array(order[..<lo] + order[hi...]), Array(order[lo..<hi]))
        }
    }
}

/// K-fold splits that keep every class's proportion in every fold.
///
///     let splits = try StratifiedKFold(folds: 5).splits(labels: data.y)
public struct StratifiedKFold: Sendable {
    public var folds: Int
    public var shuffle: Bool
    public var seed: UInt64

    public init(folds: Int = 5, shuffle: Bool = true, seed: UInt64 = 0) {
        self.folds = folds; self.shuffle = shuffle; self.seed = seed
    }

    /// `(train, test)` row indices of every fold.
    public func splits(labels: [Int]) throws -> [(train: [Int], test: [Int])] {
        try Check.parameter(folds >= 2, "folds", folds, "at least 2")
        guard folds <= labels.count else { throw ClassicalMLError.tooFewSamples(requested: folds, available: labels.count, what: "folds") }
        var rng = SeededGenerator(seed: seed)
        let order = shuffle ? rng.permutation(labels.count) : Array(0..<labels.count)
        // Deal each class's samples round-robin over the folds, continuing where the last class stopped.
        var foldOf = [Int](repeating: 0, count: labels.count)
        var next = 0
        for c in Set(labels).sorted() {
            for i in order where labels[i] == c {
                foldOf[i] = next % folds
                next += 1
            }
        }
        return (0..<folds).map { f in
            (order.filter { foldOf[$0] != f }, order.filter { foldOf[$0] == f })
        }
    }
}
