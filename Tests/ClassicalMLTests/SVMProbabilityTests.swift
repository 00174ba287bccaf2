import Testing
@testable import ClassicalML

/// Calibrated SVM probabilities: Platt's sigmoid, pairwise coupling, and the whole machine
/// against scikit-learn's `SVC(probability=True)`.
@Suite struct SVMProbabilityTests {
    @Test func plattSigmoidRisesWithTheMargin() {
        let margins: [Double] = [-3, -2, -1.5, -1, -0.2, 0.1, 0.4, 1, 2, 2.5, -0.3, 0.2]
        let positive = margins.map { $0 > 0 }.enumerated().map { $0.offset == 10 ? true : $0.element }   // one overlap
        let sigmoid = PlattSigmoid(fitting: margins, positive: positive)
        #expect(sigmoid.a < 0)
        #expect(sigmoid.probability(3) > 0.9 && sigmoid.probability(-3) < 0.1)
        let grid = stride(from: -4.0, through: 4, by: 0.5).map(sigmoid.probability)
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        // Far out on either side the formula must not overflow.
        #expect(sigmoid.probability(1e6).isFinite && sigmoid.probability(-1e6).isFinite)
    }

    @Test func couplingRecoversConsistentPairwiseProbabilities() {
        // rᵢⱼ = pᵢ / (pᵢ + pⱼ) is what a perfect pair machine would say.
        let p: [Double] = [0.5, 0.3, 0.15, 0.05]
        let pairwise = p.indices.map { i in p.indices.map { j in i == j ? 0 : p[i] / (p[i] + p[j]) } }
        let recovered = PairwiseCoupling.probabilities(pairwise)
        #expect(abs(recovered.reduce(0, +) - 1) < 1e-9)
        for (a, b) in zip(recovered, p) { #expect(abs(a - b) < 5e-3) }
    }

    @Test func calibratedProbabilitiesAreCloseToScikitLearns() throws {
        let wine = Wine.load()
        let split = fixedSplit(standardised(wine.x), wine.y)
        let svm = try SVM(kernel: .rbf(gamma: 0.1), c: 1, tolerance: 1e-6, probability: true).fit(split.trainX, split.trainY)
        #expect(svm.isCalibrated)
        let probabilities = try svm.predictProbabilities(split.testX)
        let reference = Reference.table("svc_wine_probability", "probabilities")
        var largest = 0.0, total = 0.0
        for r in 0..<probabilities.rows {
            #expect(abs((0..<3).reduce(0) { $0 + probabilities[r, $1] } - 1) < 1e-9)
            for k in 0..<3 {
                let difference = abs(probabilities[r, k] - reference[r][k])
                largest = max(largest, difference); total += difference
            }
        }
        // Both calibrate on margins from five random folds, so they agree closely but not exactly
        // (measured: mean difference 0.003, largest 0.014).
        #expect(total / Double(3 * probabilities.rows) < 0.01, "mean difference \(total / Double(3 * probabilities.rows))")
        #expect(largest < 0.05, "largest difference \(largest)")
        // Predictions still come from the votes, unchanged by calibration.
        #expect(try svm.predict(split.testX) == Reference.integers("svc_wine", "predictions"))
    }

    @Test func uncalibratedMachinesReportVoteFractions() throws {
        let wine = Wine.load()
        let split = fixedSplit(standardised(wine.x), wine.y)
        let svm = try SVM(kernel: .rbf(gamma: 0.1), c: 1).fit(split.trainX, split.trainY)
        #expect(!svm.isCalibrated)
        let votes = try svm.predictProbabilities(split.testX)
        for r in 0..<votes.rows { for k in 0..<3 { #expect([0, 1.0 / 3, 2.0 / 3, 1].contains { abs($0 - votes[r, k]) < 1e-12 }) } }
    }

    @Test func binaryCalibrationFollowsTheDecisionFunction() throws {
        let blobs = Synthetic.blobs(count: 200, centers: 2, seed: 3)
        let svm = try SVM(kernel: .linear, c: 1, probability: true).fit(blobs.x, blobs.y)
        let margins = try svm.decisionFunction(blobs.x), probabilities = try svm.predictProbabilities(blobs.x)
        let order = (0..<blobs.count).sorted { margins[$0, 0] < margins[$1, 0] }
        // A larger margin for class 0 never lowers its probability.
        #expect(zip(order, order.dropFirst()).allSatisfy { probabilities[$0, 0] <= probabilities[$1, 0] + 1e-12 })
        #expect(logLoss(blobs.y, probabilities) < 0.2)
    }
}
