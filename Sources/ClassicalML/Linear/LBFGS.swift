/// Limited-memory BFGS for smooth, unconstrained minimisation (two-loop recursion with a
/// backtracking Armijo line search). Stops when the largest gradient component falls below
/// `tolerance`, or after `maxIterations`.
struct LBFGS {
    var memory = 10
    var maxIterations = 100
    var tolerance = 1e-6

    struct Result { var parameters: [Double]; var value: Double; var iterations: Int; var converged: Bool }

    /// `objective` returns the value and the gradient at a point.
    func minimize(from start: [Double], _ objective: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        var x = start
        var (f, g) = objective(x)
        var sHistory: [[Double]] = [], yHistory: [[Double]] = [], rhoHistory: [Double] = []
        for iteration in 0..<maxIterations {
            if g.map(abs).max() ?? 0 < tolerance { return Result(parameters: x, value: f, iterations: iteration, converged: true) }
            // Two-loop recursion: direction = −H·g.
            var q = g
            var alphas = [Double](repeating: 0, count: sHistory.count)
            for i in stride(from: sHistory.count - 1, through: 0, by: -1) {
                alphas[i] = rhoHistory[i] * dot(sHistory[i], q)
                axpy(-alphas[i], yHistory[i], &q)
            }
            if let s = sHistory.last, let y = yHistory.last {
                let scale = dot(s, y) / dot(y, y)
                for i in q.indices { q[i] *= scale }
            } else {
                let norm = dot(g, g).squareRoot()
                for i in q.indices { q[i] /= max(norm, 1) }
            }
            for i in sHistory.indices {
                let beta = rhoHistory[i] * dot(yHistory[i], q)
                axpy(alphas[i] - beta, sHistory[i], &q)
            }
            var direction = q.map { -$0 }
            var slope = dot(direction, g)
            if slope >= 0 {   // not a descent direction: restart from steepest descent
                sHistory.removeAll(); yHistory.removeAll(); rhoHistory.removeAll()
                direction = g.map { -$0 }
                slope = -dot(g, g)
            }
            var step = 1.0
            var candidate = x, fNew = f, gNew = g
            var accepted = false
            for _ in 0..<40 {
                for i in x.indices { candidate[i] = x[i] + step * direction[i] }
                (fNew, gNew) = objective(candidate)
                if fNew <= f + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            if !accepted { return Result(parameters: x, value: f, iterations: iteration, converged: false) }
            let s = zip(candidate, x).map { $0 - $1 }
            let y = zip(gNew, g).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 {
                sHistory.append(s); yHistory.append(y); rhoHistory.append(1 / sy)
                if sHistory.count > memory { sHistory.removeFirst(); yHistory.removeFirst(); rhoHistory.removeFirst() }
            }
            let change = abs(f - fNew)
            x = candidate; f = fNew; g = gNew
            if change <= 1e-16 * max(1, abs(f)) && g.map(abs).max() ?? 0 < tolerance * 10 {
                return Result(parameters: x, value: f, iterations: iteration + 1, converged: true)
            }
        }
        let converged = g.map(abs).max() ?? 0 < tolerance
        return Result(parameters: x, value: f, iterations: maxIterations, converged: converged)
    }
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in a.indices { s += a[i] * b[i] }
    return s
}

func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    for i in x.indices { y[i] += alpha * x[i] }
}
