// The seed's CNN on Fashion-MNIST, mirroring ../shared/anchors/torch_cnn.py: batch 64,
// Adam 1e-3, one epoch over the first N training images, then the 10,000 test images in
// batches of 1,000. Usage: cnn-bench THREADS N (defaults 2 and 60000).
import BenchSupport
import Datasets
import DeepLearning
import Foundation
import NumericCore

let arguments = integerArguments(["THREADS", "N"], defaults: [2, 60_000])
useThreads(arguments[0])
let trainCount = arguments[1]

Tensor.seed(0)
let train = try FashionMNIST.load(.train, limit: trainCount)   // (pixel / 255 − 0.5) / 0.5, as the anchor
let test = try FashionMNIST.load(.test)
let testBatches = stride(from: 0, to: test.count, by: 1000).map { test.batch(Array($0..<min($0 + 1000, test.count))) }

let model = SeedCNN()
let optimizer = Adam(model.parameters, learningRate: 1e-3)
let loader = DataLoader(train, batchSize: 64, shuffle: true, seed: 0)

model.train()
let cpuBeforeTraining = processCPUSeconds()
var stepSeconds: [Double] = []
let (_, trainSeconds) = timed {
    for (images, labels) in loader {
        let (_, seconds) = timed {
            optimizer.zeroGrad()
            crossEntropy(model(images), labels).backward()
            optimizer.step()
        }
        stepSeconds.append(seconds)
    }
}
// Step times are robust to a busy machine where epoch throughput is not: the fastest tenth of
// the steps shows what the code does when it has the cores to itself.
stepSeconds.sort()

let trainCPUSeconds = processCPUSeconds() - cpuBeforeTraining

model.eval()
let (correct, evalSeconds) = timed {
    withoutGradients {
        testBatches.reduce(0.0) { total, batch in
            total + accuracy(model(batch.inputs), batch.targets) * Double(batch.targets.count)
        }
    }
}

report("primer", [
    "threads": String(Parallel.workers),
    "train_images_per_s": fixed(Double(trainCount) / trainSeconds, 0),
    "train_cpu_s": fixed(trainCPUSeconds, 2),
    "step_ms_p10": fixed(1000 * stepSeconds[stepSeconds.count / 10], 2),
    "step_ms_median": fixed(1000 * stepSeconds[stepSeconds.count / 2], 2),
    "outside_steps_s": fixed(trainSeconds - stepSeconds.reduce(0, +), 2),
    "eval_images_per_s": fixed(Double(test.count) / evalSeconds, 0),
    "test_acc_after_1_epoch": fixed(correct / Double(test.count), 4),
    "peak_rss_mb": peakField(),
])
