import Foundation
import NumericCore

/// Seeded toy datasets for classification, in the spirit of the pictures every ML course draws.
/// The same seed always gives the same points.
///
///     let moons = Synthetic.moons(count: 200, noise: 0.1, seed: 0)
///     let blobs = Synthetic.blobs(count: 300, centers: 3, seed: 1)
public enum Synthetic {
    /// Two interleaving half circles (2 features, 2 classes).
    public static func moons(count: Int = 200, noise: Double = 0.1, seed: UInt64 = 0) -> TabularDataset {
        var rng = SeededGenerator(seed: seed)
        let outer = count / 2, inner = count - outer
        var points: [Double] = [], targets: [Double] = []
        for i in 0..<outer {
            let t = Double.pi * Double(i) / Double(max(1, outer - 1))
            points += [cos(t) + noise * rng.nextNormal(), sin(t) + noise * rng.nextNormal()]
            targets.append(0)
        }
        for i in 0..<inner {
            let t = Double.pi * Double(i) / Double(max(1, inner - 1))
            points += [1 - cos(t) + noise * rng.nextNormal(), 0.5 - sin(t) + noise * rng.nextNormal()]
            targets.append(1)
        }
        return shuffled(name: "two moons", points, targets, classes: 2, rng: &rng)
    }

    /// Two concentric circles (2 features, 2 classes); `factor` is the inner radius over the outer.
    public static func circles(count: Int = 200, noise: Double = 0.05, factor: Double = 0.5, seed: UInt64 = 0) -> TabularDataset {
        var rng = SeededGenerator(seed: seed)
        let outer = count / 2, inner = count - outer
        var points: [Double] = [], targets: [Double] = []
        for (n, radius, label) in [(outer, 1.0, 0.0), (inner, factor, 1.0)] {
            for i in 0..<n {
                let t = 2 * Double.pi * Double(i) / Double(max(1, n))
                points += [radius * cos(t) + noise * rng.nextNormal(), radius * sin(t) + noise * rng.nextNormal()]
                targets.append(label)
            }
        }
        return shuffled(name: "circles", points, targets, classes: 2, rng: &rng)
    }

    /// Isotropic Gaussian blobs: `centers` clusters with centres drawn uniformly from
    /// `[-10, 10]^features`, each point's class its cluster.
    public static func blobs(count: Int = 300, centers: Int = 3, features: Int = 2,
                             standardDeviation: Double = 1, seed: UInt64 = 0) -> TabularDataset {
        var rng = SeededGenerator(seed: seed)
        let middles = (0..<centers).map { _ in (0..<features).map { _ in -10 + 20 * rng.nextDouble() } }
        var points: [Double] = [], targets: [Double] = []
        for i in 0..<count {
            let c = i % centers
            for f in 0..<features { points.append(middles[c][f] + standardDeviation * rng.nextNormal()) }
            targets.append(Double(c))
        }
        return shuffled(name: "blobs", points, targets, classes: centers, rng: &rng)
    }

    /// Interleaved spiral arms, one class per arm (2 features), as in the classic
    /// "neural networks can, linear models cannot" demo.
    public static func spirals(count: Int = 300, arms: Int = 2, noise: Double = 0.2, turns: Double = 1.5,
                               seed: UInt64 = 0) -> TabularDataset {
        var rng = SeededGenerator(seed: seed)
        var points: [Double] = [], targets: [Double] = []
        for i in 0..<count {
            let arm = i % arms
            let position = Double(i / arms) / Double(max(1, count / arms))
            let radius = 0.2 + 4 * position
            let angle = 2 * Double.pi * (turns * position + Double(arm) / Double(arms))
            points += [radius * cos(angle) + noise * rng.nextNormal(), radius * sin(angle) + noise * rng.nextNormal()]
            targets.append(Double(arm))
        }
        return shuffled(name: "spirals", points, targets, classes: arms, rng: &rng)
    }

    /// The XOR pattern: points uniform in `[-1, 1]²`, class 1 when exactly one coordinate is positive.
    public static func xor(count: Int = 200, noise: Double = 0.0, seed: UInt64 = 0) -> TabularDataset {
        var rng = SeededGenerator(seed: seed)
        var points: [Double] = [], targets: [Double] = []
        for _ in 0..<count {
            let a = 2 * rng.nextDouble() - 1, b = 2 * rng.nextDouble() - 1
            points += [a + noise * rng.nextNormal(), b + noise * rng.nextNormal()]
            targets.append((a > 0) != (b > 0) ? 1 : 0)
        }
        return TabularDataset(name: "xor", features: points, featureCount: 2, featureNames: ["x0", "x1"],
                              targets: targets, classNames: ["0", "1"])
    }

    static func shuffled(name: String, _ points: [Double], _ targets: [Double], classes: Int,
                         rng: inout SeededGenerator) -> TabularDataset {
        let width = points.count / max(1, targets.count)
        let order = rng.permutation(targets.count)
        var mixed: [Double] = []
        mixed.reserveCapacity(points.count)
        for r in order { mixed.append(contentsOf: points[r * width ..< (r + 1) * width]) }
        return TabularDataset(name: name, features: mixed, featureCount: width,
                              targets: order.map { targets[$0] }, classNames: (0..<classes).map(String.init))
    }
}
