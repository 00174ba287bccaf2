import Foundation

/// A kernel for support vector machines.
///
///     SVM(kernel: .linear)
///     SVM(kernel: .rbf(gamma: 0.1))           // exp(−γ‖a − b‖²); nil γ means 1 / (features · variance)
///     SVM(kernel: .polynomial(degree: 3))     // (γ a·b + coef0)^degree
public enum Kernel: Sendable, Equatable {
    case linear
    case rbf(gamma: Double? = nil)
    case polynomial(degree: Int = 3, gamma: Double? = nil, coef0: Double = 1)

    /// The kernel with `gamma` resolved against the training data ("scale", as scikit-learn).
    func resolved(for x: Matrix) -> ResolvedKernel {
        let scale: () -> Double = {
            let variance = x.values.reduce(0) { $0 + $1 * $1 } / Double(x.values.count)
                - pow(x.values.reduce(0, +) / Double(x.values.count), 2)
            return variance > 0 ? 1 / (Double(x.columns) * variance) : 1
        }
        switch self {
        case .linear: return ResolvedKernel(kind: .linear, gamma: 1, coef0: 0, degree: 1)
        case .rbf(let gamma): return ResolvedKernel(kind: .rbf, gamma: gamma ?? scale(), coef0: 0, degree: 1)
        case let .polynomial(degree, gamma, coef0):
            return ResolvedKernel(kind: .polynomial, gamma: gamma ?? scale(), coef0: coef0, degree: degree)
        }
    }
}

/// A kernel with concrete parameters, applied to dot products and squared norms.
struct ResolvedKernel: Sendable {
    enum Kind: Sendable { case linear, rbf, polynomial }
    let kind: Kind
    let gamma: Double
    let coef0: Double
    let degree: Int

    @inline(__always)
    func value(dot: Double, normA: Double, normB: Double) -> Double {
        switch kind {
        case .linear: return dot
        case .rbf: return exp(-gamma * max(0, normA + normB - 2 * dot))
        case .polynomial: return pow(gamma * dot + coef0, Double(degree))
        }
    }

    /// The kernel between every row of `a` and every row of `b` (`a.rows × b.rows`), through GEMM.
    func matrix(_ a: Matrix, _ b: Matrix, normsA: [Double], normsB: [Double]) -> Matrix {
        var products = a.multiplied(by: b, transposeOther: true)
        for r in 0..<a.rows {
            for c in 0..<b.rows { products[r, c] = value(dot: products[r, c], normA: normsA[r], normB: normsB[c]) }
        }
        return products
    }
}
