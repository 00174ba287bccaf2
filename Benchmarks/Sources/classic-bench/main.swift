// The classical engine on Fashion-MNIST, mirroring ../shared/anchors/sklearn_classic.py:
// the first N training images as N × 784 pixels / 255, tested on the first 2,000 test images.
// Usage: classic-bench N (default 10000). Run with PRIMER_THREADS=2 and OPENBLAS_NUM_THREADS=2.
import BenchSupport
import ClassicalML
import Datasets

let trainCount = integerArguments(["N"], defaults: [10_000])[0]
let (x, y) = try fashionMNISTMatrix(.train, limit: trainCount)
let (testX, testY) = try fashionMNISTMatrix(.test, limit: 2_000)

/// Fits, predicts the test images and prints the times and the accuracy.
func measure<Model: Classifier>(_ name: String, _ model: Model) throws {
    let (fitted, fitSeconds) = try timed { try model.fit(x, y) }
    let (predicted, predictSeconds) = try timed { try fitted.predict(testX) }
    report(name, [
        "n": String(trainCount),
        "fit_s": fixed(fitSeconds, 2),
        "predict_s": fixed(predictSeconds, 2),
        "acc": fixed(accuracy(testY, predicted), 4),
    ])
}

// scikit-learn's lbfgs stops when the largest gradient entry is below tol = 1e-4; so does this.
try measure("logistic_regression", LogisticRegression(maxIterations: 200, tolerance: 1e-4))
try measure("decision_tree", DecisionTree(seed: 0))
// scikit-learn does not compute the out-of-bag score unless asked; neither does this.
try measure("random_forest_100", RandomForest(trees: 100, outOfBag: false, seed: 0))
try measure("svc_rbf", SVM(kernel: .rbf(), c: 10))          // gamma nil: "scale", as scikit-learn
try measure("knn_5", KNearestNeighbors(k: 5))

let (_, pcaSeconds) = try timed { try PCA(components: 50).fit(x) }
report("pca_50", ["n": String(trainCount), "fit_s": fixed(pcaSeconds, 2)])
