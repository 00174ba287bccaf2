import Foundation

/// A value shared between threads and reached only under its lock: the engines' process-wide
/// state (the seeded generator, the buffer pool, the parameter cache) lives in these, so that
/// cells and tests may call the engines from several threads.
///
///     static let counter = Guarded(0)
///     counter.withLock { $0 += 1 }
public final class Guarded<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    @inline(__always)
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
