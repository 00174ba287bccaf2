extension Tensor: CustomStringConvertible {
    /// The shape and a preview of the values, e.g. `Tensor [2, 3] [[1, 2, 3], [4, 5, 6]]`.
    /// Long dimensions show their first and last three entries (two for tensors of more than
    /// 1,000 elements).
    public var description: String {
        var text = "Tensor \(shape) "
        if rank == 0 { return text + format(pointer[0]) }
        appendPreview(&text, axis: 0, offset: 0, strides: Tensor.strides(of: shape))
        if requiresGrad { text += " (requires grad)" }
        return text
    }

    private func appendPreview(_ text: inout String, axis: Int, offset: Int, strides: [Int]) {
        let n = shape[axis]
        let edge = count > 1000 ? 2 : 3
        let shown: [Int?] = n <= 2 * edge ? Array(0..<n) : Array(0..<edge) + [nil] + Array((n - edge)..<n)
        text += "["
        for (position, index) in shown.enumerated() {
            if position > 0 { text += ", " }
            guard let index else { text += "…"; continue }
            if axis == rank - 1 {
                text += format(pointer[offset + index])
            } else {
                appendPreview(&text, axis: axis + 1, offset: offset + index * strides[axis], strides: strides)
            }
        }
        text += "]"
    }

    private func format(_ value: Float) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e7 { return String(Int(value)) }
        let magnitude = Swift.abs(value)
        if magnitude >= 1e-3 && magnitude < 1e5 {
            var s = String(format4: value)
            while s.hasSuffix("0") { s.removeLast() }
            return s
        }
        return "\(value)"
    }
}

private extension String {
    /// Four decimals without Foundation's formatter.
    init(format4 value: Float) {
        let scaled = (Double(value) * 10_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 10_000)
        self = sign + String(magnitude / 10_000) + "." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
