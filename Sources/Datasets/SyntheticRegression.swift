import Foundation
import NumericCore

extension Synthetic {
    /// Noisy linear regression data: `y = x · w + bias + noise`, with features standard normal
    /// and weights drawn uniformly from `[-5, 5]` (returned so a cell can compare what a model learns).
    ///
    ///     let (data, truth) = Synthetic.linearRegression(count: 100, features: 3, noise: 0.5, seed: 0)
    public static func linearRegression(count: Int = 100, features: Int = 1, noise: Double = 1, bias: Double = 0,
                                        seed: UInt64 = 0) -> (data: TabularDataset, weights: [Double]) {
        var rng = SeededGenerator(seed: seed)
        let weights = (0..<features).map { _ in -5 + 10 * rng.nextDouble() }
        var points: [Double] = [], targets: [Double] = []
        for _ in 0..<count {
            var y = bias
            for f in 0..<features {
                let x = rng.nextNormal()
                points.append(x)
                y += weights[f] * x
            }
            targets.append(y + noise * rng.nextNormal())
        }
        let data = TabularDataset(name: "linear regression", features: points, featureCount: features, targets: targets)
        return (data, weights)
    }

    /// Windows of a noisy sine wave for sequence prediction: each row holds `window` consecutive
    /// samples and the target is the next sample. Phases are random per sequence.
    ///
    ///     let waves = Synthetic.sineSequences(count: 500, window: 20, seed: 0)
    public static func sineSequences(count: Int = 500, window: Int = 20, step: Double = 0.2,
                                     noise: Double = 0.05, seed: UInt64 = 0) -> TabularDataset {
        var rng = SeededGenerator(seed: seed)
        var points: [Double] = [], targets: [Double] = []
        points.reserveCapacity(count * window)
        for _ in 0..<count {
            let phase = 2 * Double.pi * rng.nextDouble()
            for t in 0...window {
                let value = sin(phase + step * Double(t)) + noise * rng.nextNormal()
                if t < window { points.append(value) } else { targets.append(value) }
            }
        }
        return TabularDataset(name: "sine sequences", features: points, featureCount: window,
                              featureNames: (0..<window).map { "t\($0)" }, targets: targets)
    }
}
