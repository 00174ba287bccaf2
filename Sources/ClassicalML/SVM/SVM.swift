import NumericCore

/// A support vector classifier trained by SMO, with linear, RBF or polynomial kernels.
/// More than two classes are handled one-versus-one (a binary machine per pair of classes,
/// pairs trained in parallel), predicting the class with the most votes, as scikit-learn's SVC.
/// With `probability: true`, each pair's margins are also calibrated to probabilities (Platt
/// scaling on five-fold cross-validated margins) and combined by pairwise coupling, as libsvm
/// does; this costs about five more fits.
///
///     let svm = try SVM(kernel: .rbf(gamma: 0.1), c: 1).fit(train.x, train.y)
///     let predicted = try svm.predict(test.x)
///     let margins = try svm.decisionFunction(test.x)   // one column per class pair
///     let calibrated = try SVM(c: 1, probability: true).fit(train.x, train.y).predictProbabilities(test.x)
public struct SVM: Classifier, Sendable {
    public var kernel: Kernel
    /// The penalty on margin violations (larger fits the training data harder).
    public var c: Double
    /// Stops when the largest KKT violation is below this.
    public var tolerance: Double
    public var maxIterations: Int
    /// Memory for cached kernel rows, in megabytes (shared by the parallel pairs).
    public var cacheMegabytes: Int
    /// Whether to calibrate probabilities (Platt scaling); otherwise `predictProbabilities`
    /// returns vote fractions.
    public var probability: Bool

    public init(kernel: Kernel = .rbf(), c: Double = 1, tolerance: Double = 1e-3, maxIterations: Int = 1_000_000,
                cacheMegabytes: Int = 400, probability: Bool = false) {
        self.kernel = kernel; self.c = c; self.tolerance = tolerance
        self.maxIterations = maxIterations; self.cacheMegabytes = cacheMegabytes; self.probability = probability
    }

    public func fit(_ x: Matrix, _ y: [Int]) throws -> Fitted {
        let classCount = try Check.classification(x, y)
        try Check.parameter(c > 0, "c", c, "positive")
        if case .polynomial(let degree, _, _) = kernel { try Check.parameter(degree >= 1, "degree", degree, "at least 1") }
        if case .rbf(let gamma?) = kernel { try Check.parameter(gamma > 0, "gamma", gamma, "positive") }
        let resolved = kernel.resolved(for: x)
        let present = (0..<classCount).filter { k in y.contains(k) }
        var pairs: [(Int, Int)] = []
        for a in present.indices { for b in (a + 1)..<present.count { pairs.append((present[a], present[b])) } }
        let budget = cacheMegabytes * 1_048_576 / min(Parallel.workers, max(1, pairs.count))
        let machines = withSingleThreadedBLAS { Parallel.map(0..<pairs.count) { p -> BinaryMachine in
            let (positive, negative) = pairs[p]
            let members = y.indices.filter { y[$0] == positive || y[$0] == negative }
            let cache = KernelRowCache(x: x.rows(members), kernel: resolved, budgetBytes: budget)
            let signs = members.map { y[$0] == positive ? 1.0 : -1.0 }
            let solution = SMOSolver(cache: cache, y: signs, c: c, tolerance: tolerance, maxIterations: maxIterations).solve()
            let support = members.indices.filter { solution.alphas[$0] > 0 }
            let sigmoid = probability
                ? calibrate(x.rows(members), signs: signs, kernel: resolved, budget: budget, seed: UInt64(p)) : nil
            return BinaryMachine(positive: positive, negative: negative, supportRows: support.map { members[$0] },
                                 coefficients: support.map { solution.alphas[$0] * signs[$0] }, bias: solution.bias,
                                 sigmoid: sigmoid)
        } }
        // Gather every support vector once; machines refer to them by position.
        let supportRows = Array(Set(machines.flatMap(\.supportRows))).sorted()
        let position = Dictionary(uniqueKeysWithValues: supportRows.enumerated().map { ($1, $0) })
        let indexed = machines.map { m in
            BinaryMachine(positive: m.positive, negative: m.negative, supportRows: m.supportRows.map { position[$0]! },
                          coefficients: m.coefficients, bias: m.bias, sigmoid: m.sigmoid)
        }
        let vectors = x.rows(supportRows)
        return Fitted(kernel: resolved, supportVectors: vectors, supportNorms: vectors.rowSquaredNorms,
                      supportIndices: supportRows, machines: indexed, featureCount: x.columns, classCount: classCount)
    }

    struct BinaryMachine: Sendable {
        let positive: Int, negative: Int
        let supportRows: [Int]
        let coefficients: [Double]
        let bias: Double
        /// Maps the margin to the probability of `positive`, when calibrated.
        let sigmoid: PlattSigmoid?
    }

    /// Platt's sigmoid for one pair, fitted to margins that each sample gets from a machine
    /// trained without it (five folds, shuffled with `seed`).
    func calibrate(_ x: Matrix, signs: [Double], kernel: ResolvedKernel, budget: Int, seed: UInt64) -> PlattSigmoid {
        let n = x.rows, folds = min(5, n)
        var order = Array(0..<n)
        var generator = SeededGenerator(seed: seed)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, generator.nextInt(below: i + 1)) }
        var margins = [Double](repeating: 0, count: n)
        for fold in 0..<folds {
            let held = Array(order[(n * fold / folds)..<(n * (fold + 1) / folds)])
            let heldSet = Set(held)
            let kept = (0..<n).filter { !heldSet.contains($0) }
            let keptSigns = kept.map { signs[$0] }
            guard let first = keptSigns.first, keptSigns.contains(where: { $0 != first }) else {
                // One class left to train on: every held-out margin says that class (as libsvm).
                for i in held { margins[i] = keptSigns.first ?? 0 }
                continue
            }
            let trainRows = x.rows(kept)
            let cache = KernelRowCache(x: trainRows, kernel: kernel, budgetBytes: budget)
            let solution = SMOSolver(cache: cache, y: keptSigns, c: c, tolerance: tolerance, maxIterations: maxIterations).solve()
            let support = kept.indices.filter { solution.alphas[$0] > 0 }
            let vectors = trainRows.rows(support), heldRows = x.rows(held)
            let k = kernel.matrix(heldRows, vectors, normsA: heldRows.rowSquaredNorms, normsB: vectors.rowSquaredNorms)
            for (r, i) in held.enumerated() {
                var sum = solution.bias
                for (s, t) in support.enumerated() { sum += solution.alphas[t] * keptSigns[t] * k[r, s] }
                margins[i] = sum
            }
        }
        return PlattSigmoid(fitting: margins, positive: signs.map { $0 > 0 })
    }

    public struct Fitted: FittedClassifier, Sendable {
        let kernel: ResolvedKernel
        /// The support vectors (rows of the training data with a non-zero dual weight).
        public let supportVectors: Matrix
        let supportNorms: [Double]
        /// Training-row indices of the support vectors.
        public let supportIndices: [Int]
        let machines: [BinaryMachine]
        public let featureCount: Int
        public let classCount: Int

        /// The number of support vectors.
        public var supportVectorCount: Int { supportIndices.count }
        /// The `γ` actually used (resolved from "scale" when not given).
        public var gamma: Double { kernel.gamma }

        /// The signed margin of every class-pair machine, one column per pair `(a, b)`, `a < b`,
        /// in order; positive votes for `a`. For two classes, the single column is positive for class 0.
        public func decisionFunction(_ x: Matrix) throws -> Matrix {
            try Check.predictionInput(x, expected: featureCount)
            let block = 1024
            let blocks = (x.rows + block - 1) / block
            let parts = withSingleThreadedBLAS { Parallel.map(0..<blocks) { b -> [Double] in
                let rows = x.rows(Array(b * block ..< min(x.rows, (b + 1) * block)))
                let k = kernel.matrix(rows, supportVectors, normsA: rows.rowSquaredNorms, normsB: supportNorms)
                var out = [Double](repeating: 0, count: rows.rows * machines.count)
                for r in 0..<rows.rows {
                    for (m, machine) in machines.enumerated() {
                        var sum = machine.bias
                        for (s, coefficient) in zip(machine.supportRows, machine.coefficients) { sum += coefficient * k[r, s] }
                        out[r * machines.count + m] = sum
                    }
                }
                return out
            } }
            return Matrix(rows: x.rows, columns: machines.count, values: parts.flatMap { $0 })
        }

        /// Whether `predictProbabilities` gives calibrated probabilities (fitted with `probability: true`).
        public var isCalibrated: Bool { machines.allSatisfy { $0.sigmoid != nil } && !machines.isEmpty }

        /// Class probabilities: calibrated (Platt scaling and pairwise coupling) when fitted with
        /// `probability: true`, otherwise the fraction of pair machines voting for each class.
        /// As in libsvm, the most probable class can differ from `predict`'s vote on close calls.
        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            guard isCalibrated else { return try voteFractions(x) }
            let margins = try decisionFunction(x)
            let present = Array(Set(machines.flatMap { [$0.positive, $0.negative] })).sorted()
            let slot = Dictionary(uniqueKeysWithValues: present.enumerated().map { ($1, $0) })
            var result = Matrix(rows: x.rows, columns: classCount)
            for r in 0..<x.rows {
                var pairwise = [[Double]](repeating: [Double](repeating: 0, count: present.count), count: present.count)
                for (m, machine) in machines.enumerated() {
                    let p = machine.sigmoid!.probability(margins[r, m])
                    let i = slot[machine.positive]!, j = slot[machine.negative]!
                    pairwise[i][j] = p; pairwise[j][i] = 1 - p
                }
                for (i, probability) in PairwiseCoupling.probabilities(pairwise).enumerated() { result[r, present[i]] = probability }
            }
            return result
        }

        /// The fraction of pair machines voting for each class.
        public func voteFractions(_ x: Matrix) throws -> Matrix {
            let margins = try decisionFunction(x)
            var votes = Matrix(rows: x.rows, columns: classCount)
            for r in 0..<x.rows {
                for (m, machine) in machines.enumerated() {
                    votes[r, margins[r, m] > 0 ? machine.positive : machine.negative] += 1 / Double(machines.count)
                }
            }
            return votes
        }

        /// The class with the most pair votes (ties to the lower class), calibrated or not.
        public func predict(_ x: Matrix) throws -> [Int] {
            try voteFractions(x).rowArgmax()
        }
    }
}
