/// Anything built from layers and parameters: a layer, a `Sequential`, or your own model.
/// Parameters are found by reflecting over stored properties (nested modules, parameter
/// tensors, and arrays or optionals of them), so nothing needs registering:
///
///     final class Net: Layer {
///         let conv1 = Conv2D(1, 8, kernel: 3)
///         let fc = Linear(8 * 13 * 13, 10)
///         func callAsFunction(_ x: Tensor) -> Tensor {
///             fc(maxPool2d(conv1(x).relu(), kernel: 2).flattened())
///         }
///     }
///     Net().namedParameters.map(\.name)   // ["conv1.weight", "conv1.bias", "fc.weight", "fc.bias"]
public protocol Module {}

/// A module that maps one tensor to another.
public protocol Layer: Module {
    func callAsFunction(_ input: Tensor) -> Tensor
}

/// A module whose behaviour differs between training and evaluation (dropout, batch norm).
public protocol ModeSwitching: AnyObject {
    var isTraining: Bool { get set }
}

/// A module that lists its children itself instead of through reflection.
protocol ExplicitChildren {
    var namedChildren: [(name: String, value: Any)] { get }
}

extension Tensor {
    /// Marks this tensor as a trainable parameter (found by `Module.parameters`) and asks for
    /// its gradient.
    ///
    ///     let scale = Tensor.ones([1]).asParameter()
    @discardableResult
    public func asParameter() -> Tensor {
        isParameter = true
        requiresGrad = true
        return self
    }
}

extension Module {
    /// Every parameter with its dotted path (`conv1.weight`, `0.bias`), shared ones once.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        ModuleReflection.cachedParameters(of: self)
    }

    /// Every parameter, shared ones once: what an optimizer updates.
    public var parameters: [Tensor] { namedParameters.map(\.tensor) }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Switches this module and every module inside it to training mode.
    public func train() { setTraining(true) }

    /// Switches this module and every module inside it to evaluation mode.
    public func eval() { setTraining(false) }

    /// Whether the first mode-dependent layer inside is in training mode (true when none is).
    public var isTrainingMode: Bool {
        var mode: Bool?
        ModuleReflection.visit(self) { _, value in
            if mode == nil, let switching = value as? ModeSwitching { mode = switching.isTraining }
        }
        return mode ?? true
    }

    private func setTraining(_ training: Bool) {
        ModuleReflection.visit(self) { _, value in (value as? ModeSwitching)?.isTraining = training }
    }

    /// Stops gradients for every parameter (for transfer learning); `unfreeze()` undoes it.
    public func freeze() { parameters.forEach { $0.requiresGrad = false } }

    /// Lets gradients flow into every parameter again.
    public func unfreeze() { parameters.forEach { $0.requiresGrad = true } }

    /// Clears every parameter's gradient.
    public func zeroGrad() { parameters.forEach { $0.zeroGrad() } }

    /// Forgets the cached parameter list; call after replacing a layer stored in a `var`.
    public func refreshParameters() { ModuleReflection.forget(self) }
}

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

    nonisolated(unsafe) private static var cache: [ObjectIdentifier: Entry] = [:]

    static func cachedParameters(of module: Module) -> [(name: String, tensor: Tensor)] {
        guard type(of: module) is AnyClass else { return parameters(of: module) }
        let object = module as AnyObject
        let id = ObjectIdentifier(object)
        if let entry = cache[id], entry.owner === object { return entry.parameters }
        let found = parameters(of: module)
        if cache.count > 256 { cache = cache.filter { $0.value.owner != nil } }
        cache[id] = Entry(owner: object, parameters: found)
        return found
    }

    static func forget(_ module: Module) {
        guard type(of: module) is AnyClass else { return }
        cache[ObjectIdentifier(module as AnyObject)] = nil
    }
}
