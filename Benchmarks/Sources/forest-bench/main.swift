// The classical engine's random forest alone on Fashion-MNIST, as in classic-bench (N × 784
// pixels / 255, tested on the first 2,000 test images), fitted `R` times, timed in wall-clock and
// in CPU seconds (the steadier figure on a shared machine), with a fingerprint of
// the fitted forest (its class probabilities on the training and test images, bit for bit) so
// that a change can be checked to grow the same trees.
// Usage: forest-bench N TREES R (defaults 10000 100 1). Run with PRIMER_THREADS=2.
import BenchSupport
import ClassicalML
import Datasets
import NumericCore

let arguments = integerArguments(["N", "TREES", "R"], defaults: [10_000, 100, 1])
let (trainCount, treeCount, repeats) = (arguments[0], arguments[1], arguments[2])
let (x, y) = try fashionMNISTMatrix(.train, limit: trainCount)
let (testX, testY) = try fashionMNISTMatrix(.test, limit: 2_000)

/// FNV-1a over the bit patterns of every probability.
func fingerprint(_ m: Matrix) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for v in m.values { hash = (hash ^ v.bitPattern) &* 0x100_0000_01b3 }
    return hash
}

for _ in 0..<repeats {
    let cpuStart = processCPUSeconds()
    let (forest, fitSeconds) = try timed { try RandomForest(trees: treeCount, outOfBag: false, seed: 0).fit(x, y) }
    let fitCPUSeconds = processCPUSeconds() - cpuStart
    let predicted = try forest.predict(testX)
    let print = (try fingerprint(forest.predictProbabilities(x))) ^ (try fingerprint(forest.predictProbabilities(testX))) &* 31
    report("random_forest", [
        "n": String(trainCount),
        "trees": String(treeCount),
        "fit_s": fixed(fitSeconds, 3),
        "fit_cpu_s": fixed(fitCPUSeconds, 3),
        "acc": fixed(accuracy(testY, predicted), 4),
        "fingerprint": String(print, radix: 16),
    ])
}

