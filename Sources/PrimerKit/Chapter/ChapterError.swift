/// A problem found in a chapter before anything runs, at a place in the file.
public struct ChapterError: Error, Equatable, CustomStringConvertible, Sendable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int = 1, message: String) {
        self.path = path; self.line = line; self.column = column; self.message = message
    }

    /// `path:line:col: error: message`, as compilers print it.
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
