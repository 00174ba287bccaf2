// Peak memory of the classical engine's random forest (100 trees) fitted on all 60,000
// Fashion-MNIST training images (N × 784, pixels / 255), the goal being at most 2 GB.
// Usage: forest-memory-bench N (default 60000). Run with PRIMER_THREADS=2.
import BenchSupport
import ClassicalML
import Datasets

let trainCount = integerArguments(["N"], defaults: [60_000])[0]
let (x, y) = try fashionMNISTMatrix(.train, limit: trainCount)
let loadedPeak = peakField()
let (forest, fitSeconds) = try timed { try RandomForest(trees: 100, outOfBag: false, seed: 0).fit(x, y) }
report("random_forest_100_memory", [
    "n": String(trainCount),
    "trees": String(forest.treeCount),
    "fit_s": fixed(fitSeconds, 1),
    "peak_rss_after_load_mb": loadedPeak,
    "peak_rss_mb": peakField(),
])
