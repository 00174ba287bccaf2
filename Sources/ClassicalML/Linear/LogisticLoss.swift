import Foundation

/// The mean logistic loss of a linear model and its gradient, computed with matrix products.
/// Parameters are packed as `[weights (rows × features), intercepts (rows)]`, where `rows` is 1
/// for a binary problem (sigmoid) and the class count otherwise (softmax).
struct LogisticLoss {
    let x: Matrix
    let y: [Int]
    let outputs: Int
    let fitIntercept: Bool

    init(x: Matrix, y: [Int], classCount: Int, fitIntercept: Bool) {
        self.x = x; self.y = y; self.fitIntercept = fitIntercept
        outputs = classCount == 2 ? 1 : classCount
    }

    var weightCount: Int { outputs * x.columns }
    var parameterCount: Int { weightCount + outputs }

    func unpack(_ theta: [Double]) -> (weights: Matrix, intercepts: [Double]) {
        (Matrix(rows: outputs, columns: x.columns, values: Array(theta[..<weightCount])),
         fitIntercept ? Array(theta[weightCount...]) : [Double](repeating: 0, count: outputs))
    }

    func valueAndGradient(_ theta: [Double]) -> (Double, [Double]) {
        let (weights, intercepts) = unpack(theta)
        var scores = x.multiplied(by: weights, transposeOther: true)   // n × outputs
        let n = Double(x.rows)
        var loss = 0.0
        // Turn scores into residuals (probability − indicator), accumulating the loss.
        for r in 0..<x.rows {
            if outputs == 1 {
                let z = scores[r, 0] + intercepts[0]
                let target = Double(y[r] == 1 ? 1 : 0)
                loss += max(z, 0) - z * target + log1p(exp(-abs(z)))
                scores[r, 0] = sigmoid(z) - target
            } else {
                var top = -Double.infinity
                for k in 0..<outputs { scores[r, k] += intercepts[k]; top = max(top, scores[r, k]) }
                var sum = 0.0
                for k in 0..<outputs { sum += exp(scores[r, k] - top) }
                let logSum = top + log(sum)
                loss += logSum - scores[r, y[r]]
                for k in 0..<outputs { scores[r, k] = exp(scores[r, k] - logSum) - (k == y[r] ? 1 : 0) }
            }
        }
        let weightGradient = scores.multiplied(by: x, transposeSelf: true)   // outputs × features
        var gradient = weightGradient.values.map { $0 / n }
        var interceptGradient = [Double](repeating: 0, count: outputs)
        if fitIntercept {
            for r in 0..<x.rows { for k in 0..<outputs { interceptGradient[k] += scores[r, k] / n } }
        }
        gradient += interceptGradient
        return (loss / n, gradient)
    }
}

/// Accelerated proximal gradient (FISTA) for a smooth loss plus `l1Strength · ‖w‖₁` on the first
/// `penalised` parameters, with a backtracking estimate of the Lipschitz constant.
struct ProximalGradient {
    var maxIterations = 1000
    var tolerance = 1e-6

    func minimize(from start: [Double], l1Strength: Double, penalised: Int,
                  _ smooth: ([Double]) -> (Double, [Double])) -> (parameters: [Double], iterations: Int) {
        var x = start, z = start
        var t = 1.0
        var lipschitz = 1.0
        for iteration in 0..<maxIterations {
            let (fz, gz) = smooth(z)
            var next = z
            while true {
                for i in z.indices {
                    let moved = z[i] - gz[i] / lipschitz
                    next[i] = i < penalised ? softThreshold(moved, l1Strength / lipschitz) : moved
                }
                let (fNext, _) = smooth(next)
                var bound = fz
                var squared = 0.0
                for i in z.indices { let d = next[i] - z[i]; bound += gz[i] * d; squared += d * d }
                if fNext <= bound + 0.5 * lipschitz * squared + 1e-15 { break }
                lipschitz *= 2
            }
            let tNext = (1 + (1 + 4 * t * t).squareRoot()) / 2
            var change = 0.0
            for i in x.indices {
                change = max(change, abs(next[i] - x[i]))
                z[i] = next[i] + (t - 1) / tNext * (next[i] - x[i])
            }
            x = next; t = tNext
            if change * lipschitz < tolerance { return (x, iteration + 1) }
        }
        return (x, maxIterations)
    }
}

func softThreshold(_ value: Double, _ threshold: Double) -> Double {
    value > threshold ? value - threshold : (value < -threshold ? value + threshold : 0)
}
