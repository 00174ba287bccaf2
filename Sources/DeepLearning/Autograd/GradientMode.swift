#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether operations are recorded for `backward()`: true except inside `withoutGradients`.
/// The mode belongs to the calling thread, so evaluation on one thread cannot switch off
/// recording on another.
public enum GradientMode {
    /// A per-thread flag: no value (the default) means enabled.
    private static let disabledKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    public internal(set) static var isEnabled: Bool {
        get { pthread_getspecific(disabledKey) == nil }
        set { pthread_setspecific(disabledKey, newValue ? nil : UnsafeRawPointer(bitPattern: 1)) }
    }
}

/// Runs `body` without recording operations: for evaluation, and for updating parameters.
///
///     let predictions = withoutGradients { model(images) }
public func withoutGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
    let previous = GradientMode.isEnabled
    GradientMode.isEnabled = false
    defer { GradientMode.isEnabled = previous }
    return try body()
}

extension Tensor {
    /// PyTorch's spelling of `withoutGradients`.
    public static func noGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
        try withoutGradients(body)
    }
}
