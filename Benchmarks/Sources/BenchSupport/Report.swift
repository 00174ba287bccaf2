import Foundation

/// One result line in the anchors' format, `name key=value key=value`, which `run.py` parses.
///
///     report("mlp_784_256_128_10_b64", ["steps_per_s": fixed(steps / seconds, 0)])
public func report(_ name: String, _ fields: KeyValuePairs<String, String>) {
    let pairs = fields.map { "\($0.key)=\($0.value)" }
    print(([name] + pairs).joined(separator: " "))
    fflush(stdout)
}

/// A number with a fixed count of decimals, as the anchors print them.
public func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// The peak resident set as a field value, or "unknown".
public func peakField() -> String {
    peakResidentMegabytes().map { fixed($0, 0) } ?? "unknown"
}
