import Foundation

/// An axis range widened to round numbers, with ticks on a 1-2-5 step.
///
///     let scale = NiceScale(covering: [0.13, 0.87], tickCount: 5)
///     scale.ticks        // [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
///     scale.label(0.4)   // "0.4"
struct NiceScale: Equatable {
    let lower: Double
    let upper: Double
    let step: Double

    /// A scale over the finite values in `values` (NaN and infinities ignored); an empty or
    /// constant input still gives a usable range around it. When every value is a whole
    /// number (epochs, counts) the step is at least 1.
    init(covering values: [Double], tickCount: Int, includeZero: Bool = false) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includeZero { low = Swift.min(low, 0); high = Swift.max(high, 0) }
        if high - low < 1e-12 * Swift.max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        var step = NiceScale.niceStep(for: (high - low) / Double(Swift.max(1, tickCount - 1)))
        if !finite.isEmpty, finite.allSatisfy({ $0 == $0.rounded() }) { step = Swift.max(step, 1) }
        self.step = step
        self.lower = Foundation.floor(low / step + 1e-9) * step
        self.upper = Foundation.ceil(high / step - 1e-9) * step
    }

    /// A scale over exactly `lower...upper` (no widening); ticks are the 1-2-5 multiples inside.
    init(exactly lower: Double, _ upper: Double, tickCount: Int) {
        let high = upper > lower ? upper : lower + 1
        self.step = NiceScale.niceStep(for: (high - lower) / Double(Swift.max(1, tickCount - 1)))
        self.lower = lower
        self.upper = high
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at least as large as `raw`.
    static func niceStep(for raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        let residual = raw / magnitude
        let nice: Double = residual <= 1 + 1e-9 ? 1 : residual <= 2 + 1e-9 ? 2 : residual <= 5 + 1e-9 ? 5 : 10
        return nice * magnitude
    }

    /// Tick values from `lower` to `upper`, computed as integer multiples of the step so no
    /// rounding error accumulates.
    var ticks: [Double] {
        let first = Int(Foundation.ceil(lower / step - 1e-9))
        let last = Int(Foundation.floor(upper / step + 1e-9))
        guard last >= first, last - first < 1000 else { return [lower, upper] }
        return (first...last).map { Double($0) * step }
    }

    /// The tick label for `value`, with as many decimals as the step needs.
    func label(_ value: Double) -> String { NumberFormat.tick(value, step: step) }

    /// Where `value` falls in the range, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double { (value - lower) / (upper - lower) }
}
