/// A compiler diagnostic, located in the chapter when it came from a cell.
public struct Diagnostic: Equatable, Sendable, Codable {
    public enum Severity: String, Equatable, Sendable, Codable { case error, warning, note }
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public var location: String { "\(file):\(line):\(column)" }
}

/// Reads swiftc's `file:line:col: severity: message` lines.
enum DiagnosticParser {
    static func parse(_ output: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rawLine in output.split(separator: "\n") {
            let line = String(rawLine)
            for severity in [Diagnostic.Severity.error, .warning, .note] {
                guard let range = line.range(of: ": \(severity.rawValue): ") else { continue }
                let location = line[..<range.lowerBound]
                let parts = location.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { continue }
                let file = parts.dropLast(2).joined(separator: ":")
                result.append(Diagnostic(file: file, line: lineNumber, column: column, severity: severity,
                                         message: String(line[range.upperBound...])))
                break
            }
        }
        return result
    }
}
