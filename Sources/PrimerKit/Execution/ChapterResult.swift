import Foundation

/// What happened to one cell.
public struct CellResult: Equatable, Sendable, Codable {
    public var index: Int
    public var status: CellStatus
    public var outputs: [CellOutput]
    public var seconds: Double

    public init(index: Int, status: CellStatus, outputs: [CellOutput] = [], seconds: Double = 0) {
        self.index = index; self.status = status; self.outputs = outputs; self.seconds = seconds
    }
}

/// A cell's fate.
public enum CellStatus: Equatable, Sendable, Codable {
    /// Ran to its end (and printed what its `output` block says, if it has one).
    case passed
    /// A `norun` cell.
    case skipped
    /// Not run, because of an earlier failure; the reason says which.
    case notRun(String)
    /// An `expect-error` cell that failed, as it should.
    case failedAsExpected(CellFailure)
    case failed(CellFailure)

    public var isFailure: Bool { if case .failed = self { return true } else { return false } }
}

/// Why a cell failed, located in the chapter.
public struct CellFailure: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable {
        case compileError = "compile error"
        case runtimeError = "runtime error"
        case timeout
        case outputMismatch = "output mismatch"
        case unexpectedSuccess = "no error"
        case launchFailure = "launch failure"
        /// The cell went over its memory or CPU-time limit (`ResourceLimits`).
        case resourceLimit = "resource limit"
    }

    public var kind: Kind
    public var message: String
    /// 1-based line and column in the chapter file.
    public var line: Int
    public var column: Int
    /// Further lines: more diagnostics, the call chain, a diff of outputs.
    public var details: [String]

    public init(kind: Kind, message: String, line: Int, column: Int = 1, details: [String] = []) {
        self.kind = kind; self.message = message; self.line = line; self.column = column; self.details = details
    }
}

/// Everything a run of one chapter produced.
public struct ChapterResult: Equatable, Sendable, Codable {
    public var path: String
    public var cells: [CellResult]
    /// Wall-clock seconds of compile and run (of the original run, for cached results).
    public var seconds: Double
    public var fromCache: Bool
    /// Set when the chapter could not be parsed; then `cells` is empty.
    public var chapterError: ChapterError?
    /// Things the author should know that do not fail the chapter (`path:line:col: warning: …`).
    public var warnings: [String] = []
    /// The texts of the chapter's inline values (`` `{swift} …` `` in prose), by index.
    public var inlineValues: [Int: String] = [:]

    public init(path: String, cells: [CellResult], seconds: Double, fromCache: Bool = false, chapterError: ChapterError? = nil) {
        self.path = path; self.cells = cells; self.seconds = seconds; self.fromCache = fromCache; self.chapterError = chapterError
    }

    /// True when every cell did what the chapter says.
    public var passed: Bool { chapterError == nil && !cells.contains { $0.status.isFailure } }

    /// The failures, in chapter order.
    public var failures: [(cell: Int, failure: CellFailure)] {
        cells.compactMap { if case .failed(let f) = $0.status { return ($0.index, f) } else { return nil } }
    }
}
