import NumericCore

/// What an exercise's `check` cell says when the learner's code is not right yet: `message`,
/// written for the learner, stops the check at its line unless `condition` holds. A check
/// that reaches its end means the exercise is solved.
///
///     expect(flattenedSize == 32 * 5 * 5, "the flattened size should be channels × height × width of the last feature map")
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                   file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { engineFailure("not yet: " + message(), file: file, line: line) }
}
