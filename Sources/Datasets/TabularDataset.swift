import NumericCore

/// An engine-neutral table of examples: features stored row-major as `Double`, one target per
/// row, and the names that make printed results readable.
///
///     let iris = Iris.load()
///     iris.count          // 150
///     iris.featureNames   // ["sepal length (cm)", …]
///     iris.classNames     // ["setosa", "versicolor", "virginica"]
///     iris.row(0)         // [5.1, 3.5, 1.4, 0.2]
///
/// For classification the targets hold class indices `0..<classNames.count` (as `Double`);
/// for regression `classNames` is empty and the targets are real values.
public struct TabularDataset: Sendable, Equatable {
    /// A short name used in printed summaries ("iris", "two moons").
    public var name: String
    /// `count × featureCount` values, row after row.
    public var features: [Double]
    /// The number of features (columns) of every row.
    public var featureCount: Int
    /// One name per feature column.
    public var featureNames: [String]
    /// One target per row: a class index for classification, a value for regression.
    public var targets: [Double]
    /// The name of every class, indexed by class index; empty for regression data.
    public var classNames: [String]

    public init(name: String, features: [Double], featureCount: Int, featureNames: [String]? = nil,
                targets: [Double], classNames: [String] = []) {
        engineRequire(featureCount > 0 && features.count == targets.count * featureCount,
                     "TabularDataset: \(features.count) feature values do not make \(targets.count) rows of \(featureCount)")
        self.name = name
        self.features = features
        self.featureCount = featureCount
        self.featureNames = featureNames ?? (0..<featureCount).map { "x\($0)" }
        engineRequire(self.featureNames.count == featureCount, "TabularDataset: \(self.featureNames.count) names for \(featureCount) features")
        self.targets = targets
        self.classNames = classNames
    }

    /// The number of rows (examples).
    public var count: Int { targets.count }

    /// Whether the targets are class indices.
    public var isClassification: Bool { !classNames.isEmpty }

    /// The features of one row.
    public func row(_ index: Int) -> [Double] {
        Array(features[index * featureCount ..< (index + 1) * featureCount])
    }

    /// The class indices of a classification dataset (targets rounded to `Int`).
    public var labels: [Int] { targets.map { Int($0.rounded()) } }

    /// A new dataset holding the given rows, in the given order.
    ///
    ///     let firstTen = iris.subset(Array(0..<10))
    public func subset(_ rows: [Int]) -> TabularDataset {
        var picked = [Double]()
        picked.reserveCapacity(rows.count * featureCount)
        for r in rows { picked.append(contentsOf: features[r * featureCount ..< (r + 1) * featureCount]) }
        return TabularDataset(name: name, features: picked, featureCount: featureCount, featureNames: featureNames,
                              targets: rows.map { targets[$0] }, classNames: classNames)
    }

    /// How many rows each class has, indexed by class index.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classNames.count)
        for label in labels where label >= 0 && label < counts.count { counts[label] += 1 }
        return counts
    }
}

extension TabularDataset: CustomStringConvertible {
    public var description: String {
        var text = "\(name): \(count) rows × \(featureCount) features"
        if isClassification {
            let counts = classCounts
            text += ", \(classNames.count) classes ("
            text += zip(classNames, counts).map { "\($0) \($1)" }.joined(separator: ", ") + ")"
        } else {
            text += ", real-valued target"
        }
        return text
    }
}
