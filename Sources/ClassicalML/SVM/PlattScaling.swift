import Foundation

/// Platt's sigmoid `P(positive | f) = 1 / (1 + exp(A·f + B))`, fitted to a machine's decision
/// values by the Newton method with backtracking of Lin, Lin and Weng (2007), on Platt's
/// smoothed targets (`(N₊ + 1)/(N₊ + 2)` and `1/(N₋ + 2)`), as libsvm does.
///
///     let sigmoid = PlattSigmoid(fitting: [-2, -0.5, 0.3, 1.8], positive: [false, false, true, true])
///     sigmoid.probability(1.0)   // close to 1
struct PlattSigmoid: Sendable {
    var a: Double
    var b: Double

    init(fitting decisions: [Double], positive: [Bool]) {
        let positives = Double(positive.filter { $0 }.count), negatives = Double(positive.count) - positives
        let high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2)
        let targets = positive.map { $0 ? high : low }
        /// The cross-entropy of the sigmoid with parameters (a, b) against the targets.
        func loss(_ a: Double, _ b: Double) -> Double {
            zip(decisions, targets).reduce(0) { total, pair in
                let z = pair.0 * a + b
                return total + (z >= 0 ? pair.1 * z + log1p(exp(-z)) : (pair.1 - 1) * z + log1p(exp(z)))
            }
        }
        var a = 0.0, b = log((negatives + 1) / (positives + 1))
        var value = loss(a, b)
        for _ in 0..<100 {
            // Gradient and Hessian (with a small ridge on the diagonal).
            var h11 = 1e-12, h22 = 1e-12, h21 = 0.0, g1 = 0.0, g2 = 0.0
            for (f, t) in zip(decisions, targets) {
                let p = sigmoid(-(f * a + b)), q = 1 - p
                let d2 = p * q
                h11 += f * f * d2; h22 += d2; h21 += f * d2
                let d1 = t - p
                g1 += f * d1; g2 += d1
            }
            if abs(g1) < 1e-5 && abs(g2) < 1e-5 { break }
            let determinant = h11 * h22 - h21 * h21
            let dA = -(h22 * g1 - h21 * g2) / determinant, dB = -(-h21 * g1 + h11 * g2) / determinant
            let slope = g1 * dA + g2 * dB
            var step = 1.0
            while step >= 1e-10 {
                let candidate = loss(a + step * dA, b + step * dB)
                if candidate < value + 1e-4 * step * slope {
                    a += step * dA; b += step * dB; value = candidate
                    break
                }
                step /= 2
            }
            if step < 1e-10 { break }
        }
        self.a = a; self.b = b
    }

    /// The probability of the positive class for decision value `f`.
    func probability(_ f: Double) -> Double { sigmoid(-(f * a + b)) }
}

/// Class probabilities from pairwise ones, by the second method of Wu, Lin and Weng (2004) as in
/// libsvm: the `p` that minimises `Σᵢ Σⱼ≠ᵢ (rⱼᵢ pᵢ − rᵢⱼ pⱼ)²` with `Σ p = 1`, by fixed-point
/// iteration. `pairwise[i][j]` is the probability of class `i` in the machine for `i` and `j`.
///
///     PairwiseCoupling.probabilities([[0, 0.9, 0.8], [0.1, 0, 0.6], [0.2, 0.4, 0]])   // about [0.72, 0.17, 0.11]
enum PairwiseCoupling {
    static func probabilities(_ pairwise: [[Double]]) -> [Double] {
        let k = pairwise.count
        guard k > 1 else { return [Double](repeating: 1, count: k) }
        let r = pairwise.map { $0.map { min(max($0, 1e-7), 1 - 1e-7) } }
        var q = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for t in 0..<k {
            for j in 0..<k where j != t {
                q[t][t] += r[j][t] * r[j][t]
                q[t][j] = -r[j][t] * r[t][j]
            }
        }
        var p = [Double](repeating: 1 / Double(k), count: k)
        var qp = [Double](repeating: 0, count: k)
        for _ in 0..<max(100, k) {
            var pqp = 0.0
            for t in 0..<k {
                qp[t] = (0..<k).reduce(0) { $0 + q[t][$1] * p[$1] }
                pqp += p[t] * qp[t]
            }
            if (0..<k).allSatisfy({ abs(qp[$0] - pqp) < 0.005 / Double(k) }) { break }
            for t in 0..<k {
                let difference = (pqp - qp[t]) / q[t][t]
                p[t] += difference
                pqp = (pqp + difference * (difference * q[t][t] + 2 * qp[t])) / ((1 + difference) * (1 + difference))
                for j in 0..<k {
                    qp[j] = (qp[j] + difference * q[t][j]) / (1 + difference)
                    p[j] /= 1 + difference
                }
            }
        }
        return p
    }
}
