import Datasets
import NumericCore

/// Splits a dataset into a training and a test part. With `stratified: true` every class keeps
/// its proportion in both parts (classification data only).
///
///     let (train, test) = trainTestSplit(data, testFraction: 0.25, stratified: true, seed: 0)
public func trainTestSplit(_ data: TabularDataset, testFraction: Double = 0.25, stratified: Bool = false,
                           seed: UInt64 = 0) -> (train: TabularDataset, test: TabularDataset) {
    let (trainRows, testRows) = splitIndices(count: data.count, labels: stratified ? data.labels : nil,
                                             testFraction: testFraction, seed: seed)
    return (data.subset(trainRows), data.subset(testRows))
}

/// Splits features and labels into training and test parts.
///
///     let split = trainTestSplit(x, y, testFraction: 0.2, seed: 1)
///     let fitted = try model.fit(split.trainX, split.trainY)
public func trainTestSplit(_ x: Matrix, _ y: [Int], testFraction: Double = 0.25, stratified: Bool = false,
                           seed: UInt64 = 0) -> (trainX: Matrix, testX: Matrix, trainY: [Int], testY: [Int]) {
    engineRequire(x.rows == y.count, ClassicalMLError.mismatchedLengths(samples: x.rows, targets: y.count).description)
    let (trainRows, testRows) = splitIndices(count: y.count, labels: stratified ? y : nil, testFraction: testFraction, seed: seed)
    return (x.rows(trainRows), x.rows(testRows), trainRows.map { y[$0] }, testRows.map { y[$0] })
}

/// Row indices for a shuffled (optionally stratified) split; both lists are sorted by shuffle order.
func splitIndices(count: Int, labels: [Int]?, testFraction: Double, seed: UInt64) -> (train: [Int], test: [Int]) {
    engineRequire(testFraction > 0 && testFraction < 1, "trainTestSplit: testFraction must lie strictly between 0 and 1, got \(testFraction)")
    var rng = SeededGenerator(seed: seed)
    let order = rng.permutation(count)
    let testCount = max(1, min(count - 1, Int((Double(count) * testFraction).rounded(.up))))
    guard let labels else { return (Array(order[testCount...]), Array(order[..<testCount])) }
    // Stratified: allocate test slots to classes in proportion, largest remainders first.
    var byClass: [Int: [Int]] = [:]
    for i in order { byClass[labels[i], default: []].append(i) }
    let classes = byClass.keys.sorted()
    let exact = classes.map { Double(byClass[$0]!.count) * Double(testCount) / Double(count) }
    var quota = exact.map { Int($0.rounded(.down)) }
    let byRemainder = classes.indices.sorted { exact[$0] - Double(quota[$0]) > exact[$1] - Double(quota[$1]) }
    for i in byRemainder.prefix(testCount - quota.reduce(0, +)) { quota[i] += 1 }
    var inTest = Set<Int>()
    for (i, c) in classes.enumerated() { inTest.formUnion(byClass[c]!.prefix(quota[i])) }
    return (order.filter { !inTest.contains($0) }, order.filter { inTest.contains($0) })
}
