/// Whether operations are recorded for `backward()`: true except inside `withoutGradients`.
/// The mode is process-wide, so build graphs from one thread at a time.
public enum GradientMode {
    nonisolated(unsafe) public internal(set) static var isEnabled = true
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
