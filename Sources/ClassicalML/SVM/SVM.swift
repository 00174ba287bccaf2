import NumericCore

/// A support vector classifier trained by SMO, with linear, RBF or polynomial kernels.
/// More than two classes are handled one-versus-one (a binary machine per pair of classes,
/// pairs trained in parallel), predicting the class with the most votes, as scikit-learn's SVC.
///
///     let svm = try SVM(kernel: .rbf(gamma: 0.1), c: 1).fit(train.x, train.y)
///     let predicted = try svm.predict(test.x)
///     let margins = try svm.decisionFunction(test.x)   // one column per class pair
public struct SVM: Classifier, Sendable {
    public var kernel: Kernel
    /// The penalty on margin violations (larger fits the training data harder).
    public var c: Double
    /// Stops when the largest KKT violation is below this.
    public var tolerance: Double
    public var maxIterations: Int
    /// Memory for cached kernel rows, in megabytes (shared by the parallel pairs).
    public var cacheMegabytes: Int

    public init(kernel: Kernel = .rbf(), c: Double = 1, tolerance: Double = 1e-3, maxIterations: Int = 1_000_000,
                cacheMegabytes: Int = 400) {
        self.kernel = kernel; self.c = c; self.tolerance = tolerance
        self.maxIterations = maxIterations; self.cacheMegabytes = cacheMegabytes
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
            return BinaryMachine(positive: positive, negative: negative, supportRows: support.map { members[$0] },
                                 coefficients: support.map { solution.alphas[$0] * signs[$0] }, bias: solution.bias)
        } }
        // Gather every support vector once; machines refer to them by position.
        let supportRows = Array(Set(machines.flatMap(\.supportRows))).sorted()
        let position = Dictionary(uniqueKeysWithValues: supportRows.enumerated().map { ($1, $0) })
        let indexed = machines.map { m in
            BinaryMachine(positive: m.positive, negative: m.negative, supportRows: m.supportRows.map { position[$0]! },
                          coefficients: m.coefficients, bias: m.bias)
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

        /// Vote fractions per class (not calibrated probabilities).
        public func predictProbabilities(_ x: Matrix) throws -> Matrix {
            let margins = try decisionFunction(x)
            var votes = Matrix(rows: x.rows, columns: classCount)
            for r in 0..<x.rows {
                for (m, machine) in machines.enumerated() {
                    votes[r, margins[r, m] > 0 ? machine.positive : machine.negative] += 1 / Double(machines.count)
                }
            }
            return votes
        }

        public func predict(_ x: Matrix) throws -> [Int] {
            try predictProbabilities(x).rowArgmax()
        }
    }
}
