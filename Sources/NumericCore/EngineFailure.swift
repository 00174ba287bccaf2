/// Stops the program because the caller's data cannot be used, with a message that reaches the
/// learner in every build. Swift drops `precondition` messages from optimised (`-O`) builds,
/// and the engines run in release, so every engine check on the caller's data goes through
/// here. It is built on `fatalError`, whose message is written to standard error in `-O`
/// builds too (the runner shows a trap's standard error at the chapter line).
///
///     guard testFraction > 0 && testFraction < 1 else {
///         engineFailure("trainTestSplit: testFraction must lie strictly between 0 and 1, got \(testFraction)")
///     }
public func engineFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError(message, file: file, line: line)
}

/// `engineFailure(message)` unless `condition` holds: the always-reporting form of
/// `precondition` for checks on the caller's data. The message is only built on failure.
///
///     engineRequire(truth.count == predicted.count,
///                   "accuracy: \(truth.count) true labels but \(predicted.count) predictions")
@inlinable
public func engineRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                          file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { engineFailure(message(), file: file, line: line) }
}
