/// Sequential minimal optimisation for the binary soft-margin SVM dual
/// `min ½ αᵀQα − Σα` subject to `0 ≤ α ≤ C`, `yᵀα = 0`, with `Q_ij = y_i y_j K_ij`,
/// choosing each working pair by second-order information (Fan, Chen and Lin, 2005).
struct SMOSolver {
    let cache: KernelRowCache
    let y: [Double]          // ±1
    let c: Double
    let tolerance: Double
    let maxIterations: Int

    struct Solution { var alphas: [Double]; var bias: Double; var iterations: Int }

    func solve() -> Solution {
        let n = y.count
        var alpha = [Double](repeating: 0, count: n)
        var gradient = [Double](repeating: -1, count: n)
        let diagonal = cache.diagonal
        let tau = 1e-12
        var iterations = 0
        while iterations < maxIterations {
            // Select i: the most violating index in I_up.
            var gMax = -Double.infinity, i = -1
            for t in 0..<n {
                let up = y[t] > 0 ? alpha[t] < c : alpha[t] > 0
                if up && -y[t] * gradient[t] >= gMax { gMax = -y[t] * gradient[t]; i = t }
            }
            guard i >= 0 else { break }
            let kI = cache.row(i)
            // Select j in I_low by the largest decrease of the objective.
            var gMin = Double.infinity, j = -1, bestObjective = Double.infinity
            for t in 0..<n {
                let low = y[t] > 0 ? alpha[t] > 0 : alpha[t] < c
                guard low else { continue }
                let value = -y[t] * gradient[t]
                gMin = min(gMin, value)
                let b = gMax - value
                if b > 0 {
                    let a = max(diagonal[i] + diagonal[t] - 2 * kI[t], tau)
                    let objective = -b * b / a
                    if objective <= bestObjective { bestObjective = objective; j = t }
                }
            }
            if gMax - gMin < tolerance || j < 0 { break }
            iterations += 1
            let kJ = cache.row(j)
            let oldI = alpha[i], oldJ = alpha[j]
            let quad = max(diagonal[i] + diagonal[j] - 2 * kI[j], tau)
            if y[i] != y[j] {
                let delta = (-gradient[i] - gradient[j]) / quad
                let difference = oldI - oldJ
                alpha[i] += delta; alpha[j] += delta
                if difference > 0 { if alpha[j] < 0 { alpha[j] = 0; alpha[i] = difference } }
                else if alpha[i] < 0 { alpha[i] = 0; alpha[j] = -difference }
                if difference > 0 { if alpha[i] > c { alpha[i] = c; alpha[j] = c - difference } }
                else if alpha[j] > c { alpha[j] = c; alpha[i] = c + difference }
            } else {
                let delta = (gradient[i] - gradient[j]) / quad
                let sum = oldI + oldJ
                alpha[i] -= delta; alpha[j] += delta
                if sum > c { if alpha[i] > c { alpha[i] = c; alpha[j] = sum - c } }
                else if alpha[j] < 0 { alpha[j] = 0; alpha[i] = sum }
                if sum > c { if alpha[j] > c { alpha[j] = c; alpha[i] = sum - c } }
                else if alpha[i] < 0 { alpha[i] = 0; alpha[j] = sum }
            }
            let changeI = (alpha[i] - oldI) * y[i], changeJ = (alpha[j] - oldJ) * y[j]
            for t in 0..<n { gradient[t] += y[t] * (kI[t] * changeI + kJ[t] * changeJ) }
        }
        return Solution(alphas: alpha, bias: bias(alpha, gradient), iterations: iterations)
    }

    /// `b` such that the decision function is `Σ α_i y_i K(x_i, x) + b`: the mean over free
    /// support vectors, or the middle of the feasible interval when none is free.
    private func bias(_ alpha: [Double], _ gradient: [Double]) -> Double {
        var sum = 0.0, free = 0
        var upper = Double.infinity, lower = -Double.infinity
        for t in alpha.indices {
            let yg = y[t] * gradient[t]
            if alpha[t] > 0 && alpha[t] < c { sum += yg; free += 1 }
            else if (alpha[t] >= c) == (y[t] > 0) { lower = max(lower, yg) }   // at upper bound with y=+1, or at 0 with y=−1
            else { upper = min(upper, yg) }
        }
        let rho = free > 0 ? sum / Double(free) : (upper.isFinite && lower.isFinite ? (upper + lower) / 2 : (upper.isFinite ? upper : lower))
        return -rho
    }
}
