import NumericCore

/// Walking modules by reflection, with a per-object cache of the parameter list.
enum ModuleReflection {
    /// The children of a module: explicit ones, or its stored properties (superclasses included).
    static func children(of value: Any) -> [(name: String, value: Any)] {
        if let explicit = value as? ExplicitChildren { return explicit.namedChildren }
        var result: [(String, Any)] = []
        var mirror: Mirror? = Mirror(reflecting: value)
        while let current = mirror {
            for child in current.children {
                guard let label = child.label, !label.hasPrefix("$__lazy") else { continue }
                result.append((label.hasPrefix("_") ? String(label.dropFirst()) : label, child.value))
            }
            mirror = current.superclassMirror
        }
        return result
    }

    /// Calls `body` for every module, parameter tensor and nested value reachable from `root`,
    /// each object once, with its dotted path.
    static func visit(_ root: Any, _ body: (_ path: String, _ value: Any) -> Void) {
        var seen = Set<ObjectIdentifier>()
        func walk(_ value: Any, _ path: String) {
            if type(of: value) is AnyClass {
                let id = ObjectIdentifier(value as AnyObject)
                guard seen.insert(id).inserted else { return }
            }
            body(path, value)
            if value is Tensor { return }
            let prefix = path.isEmpty ? "" : path + "."
            if let module = value as? Module {
                for child in children(of: module) { walk(child.value, prefix + child.name) }
                return
            }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                if let wrapped = mirror.children.first { walk(wrapped.value, path) }
            case .collection:
                for (i, element) in mirror.children.enumerated() { walk(element.value, prefix + String(i)) }
            case .dictionary:
                for pair in mirror.children {
                    let entry = Array(Mirror(reflecting: pair.value).children)
                    if entry.count == 2 { walk(entry[1].value, prefix + "\(entry[0].value)") }
                }
            default:
                break
            }
        }
        walk(root, "")
    }

    static func parameters(of root: Any) -> [(name: String, tensor: Tensor)] {
        var found: [(String, Tensor)] = []
        visit(root) { path, value in
            if let tensor = value as? Tensor, tensor.isParameter { found.append((path, tensor)) }
        }
        return found
    }

    private final class Entry {
        weak var owner: AnyObject?
        let parameters: [(name: String, tensor: Tensor)]
        init(owner: AnyObject, parameters: [(name: String, tensor: Tensor)]) {
            self.owner = owner; self.parameters = parameters
        }
    }

    private static let cache = Guarded([ObjectIdentifier: Entry]())

    static func cachedParameters(of module: Module) -> [(name: String, tensor: Tensor)] {
        guard type(of: module) is AnyClass else { return parameters(of: module) }
        let object = module as AnyObject
        let id = ObjectIdentifier(object)
        if let cached = cache.withLock({ cache in cache[id].flatMap { $0.owner === object ? $0.parameters : nil } }) {
            return cached
        }
        let found = parameters(of: module)
        cache.withLock { cache in
            if cache.count > 256 { cache = cache.filter { $0.value.owner != nil } }
            cache[id] = Entry(owner: object, parameters: found)
        }
        return found
    }

    static func forget(_ module: Module) {
        guard type(of: module) is AnyClass else { return }
        _ = cache.withLock { $0.removeValue(forKey: ObjectIdentifier(module as AnyObject)) }
    }
}
