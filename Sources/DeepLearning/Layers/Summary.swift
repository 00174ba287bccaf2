/// A readable tree of a module's layers with their parameter counts.
///
///     print(summary(of: model))
///     // Net — 5,258 parameters
///     //   conv1: Conv2D(1 → 8, kernel: 3) — 80 parameters
///     //   …
public func summary(of module: Module) -> String {
    var lines = ["\(layerTitle(module)) — \(groupedCount(module.parameterCount)) parameters"]
    appendChildren(of: module, indent: "  ", to: &lines)
    return lines.joined(separator: "\n")
}

private func appendChildren(of module: Module, indent: String, to lines: inout [String]) {
    for (name, value) in ModuleReflection.children(of: module) {
        for (index, child) in flattenModules(value, name) {
            let count = child.parameterCount
            let counted = count > 0 ? " — \(groupedCount(count)) parameters" : ""
            lines.append("\(indent)\(index): \(layerTitle(child))\(counted)")
            if !(child is OneLineLayer) {
                appendChildren(of: child, indent: indent + "  ", to: &lines)
            }
        }
    }
}

/// Modules held directly, or in arrays/optionals, by a property.
private func flattenModules(_ value: Any, _ name: String) -> [(String, Module)] {
    if let module = value as? Module { return [(name, module)] }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional: return mirror.children.first.map { flattenModules($0.value, name) } ?? []
    case .collection: return mirror.children.enumerated().flatMap { flattenModules($0.element.value, "\(name).\($0.offset)") }
    default: return []
    }
}

private func layerTitle(_ module: Module) -> String {
    if module is Sequential { return "Sequential" }
    if module is OneLineLayer { return module.description }
    return String(describing: type(of: module))
}

/// 1234567 → "1,234,567".
func groupedCount(_ value: Int) -> String {
    let digits = String(Swift.abs(value))
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
        out.append(ch)
    }
    return value < 0 ? "-" + out : out
}
