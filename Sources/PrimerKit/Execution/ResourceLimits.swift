import Foundation

/// How much a chapter's program may use: memory, CPU time and (in the sandbox) processes.
///
/// A chapter states its limits in a directive, a cell its own in its info string; what neither
/// states comes from `defaults`:
///
///     <!-- primer: memory=2GB cpu=300 processes=64 -->
///     ```swift memory=6GB cpu=900
///
///     let limits = try ResourceLimits.parse(["memory=2GB", "cpu=300"])
///     limits.memoryBytes   // 2_147_483_648
public struct ResourceLimits: Equatable, Sendable, Codable {
    /// Resident memory of the program (and what it started) while a cell runs.
    public var memoryBytes: Int?
    /// CPU seconds a cell may use (all threads and processes of the program together).
    public var cpuSeconds: Double?
    /// Processes and threads the program may have at once (enforced in the sandbox).
    public var processes: Int?

    public init(memoryBytes: Int? = nil, cpuSeconds: Double? = nil, processes: Int? = nil) {
        self.memoryBytes = memoryBytes; self.cpuSeconds = cpuSeconds; self.processes = processes
    }

    /// What applies when neither the cell nor its chapter says otherwise.
    public static let defaults = ResourceLimits(memoryBytes: 4 << 30, cpuSeconds: 3600, processes: 256)

    /// The words a chapter directive takes.
    public static let keys = ["memory", "cpu", "processes"]

    /// `self`, with what it leaves unstated taken from `other`.
    public func filled(from other: ResourceLimits) -> ResourceLimits {
        ResourceLimits(memoryBytes: memoryBytes ?? other.memoryBytes, cpuSeconds: cpuSeconds ?? other.cpuSeconds,
                       processes: processes ?? other.processes)
    }

    /// Parses `memory=2GB cpu=300 processes=64` (any of them, in any order).
    public static func parse(_ words: [String]) throws(CellOptions.OptionError) -> ResourceLimits {
        var limits = ResourceLimits()
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw .init(message: "`\(word)`: write a limit as name=value, e.g. memory=2GB, cpu=300 or processes=64")
            }
            switch parts[0] {
            case "memory": limits.memoryBytes = try memory(parts[1])
            case "cpu": limits.cpuSeconds = try cpu(parts[1])
            case "processes":
                guard let count = Int(parts[1]), count >= 8, count <= 100_000 else {
                    throw .init(message: "`\(word)`: the process limit is a whole number from 8 to 100000, e.g. processes=64")
                }
                limits.processes = count
            default:
                throw .init(message: "unknown limit `\(word)`; known: memory=SIZE, cpu=SECONDS, processes=N")
            }
        }
        return limits
    }

    /// `2GB`, `512MB`, `1.5GB` → bytes (1 GB = 2³⁰ bytes).
    public static func memory(_ text: String) throws(CellOptions.OptionError) -> Int {
        let gigabyte = Double(1 << 30), megabyte = Double(1 << 20)
        let units: [(String, Double)] = [("GB", gigabyte), ("MB", megabyte), ("G", gigabyte), ("M", megabyte)]
        let upper = text.uppercased()
        for (suffix, scale) in units where upper.hasSuffix(suffix) {
            if let number = Double(upper.dropLast(suffix.count)), number.isFinite, number > 0 {
                let bytes = number * scale
                if bytes >= Double(16 << 20), bytes <= Double(1 << 50) { return Int(bytes) }
            }
        }
        throw .init(message: "`memory=\(text)`: the memory limit is a size of at least 16MB with a unit, e.g. memory=2GB or memory=512MB")
    }

    /// `300` → 300 seconds of CPU time.
    public static func cpu(_ text: String) throws(CellOptions.OptionError) -> Double {
        guard let seconds = Double(text), seconds.isFinite, seconds > 0 else {
            throw .init(message: "`cpu=\(text)`: the CPU limit is a positive number of seconds, e.g. cpu=300")
        }
        return seconds
    }

    /// `2 GB`, `512 MB`: a limit as the reports say it.
    public static func describeMemory(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 28) == 0 { return CellOptions.seconds(Double(bytes) / Double(1 << 30)) + " GB" }
        return "\(bytes >> 20) MB"
    }

    /// The words that state these limits, for cache keys and messages: `memory=2GB cpu=300`.
    public var words: String {
        var words: [String] = []
        if let memoryBytes { words.append("memory=" + Self.describeMemory(memoryBytes).replacingOccurrences(of: " ", with: "")) }
        if let cpuSeconds { words.append("cpu=" + CellOptions.seconds(cpuSeconds)) }
        if let processes { words.append("processes=\(processes)") }
        return words.joined(separator: " ")
    }
}

/// Which limit a cell went over, for its report.
public enum ExceededLimit: Equatable, Sendable {
    case memory(bytes: Int)
    case cpu(seconds: Double)

    /// The sentence at the cell's line: `the cell used more than 2 GB of memory …`.
    public var message: String {
        switch self {
        case .memory(let bytes):
            return "the cell used more than \(ResourceLimits.describeMemory(bytes)) of memory, its limit, and was stopped with everything it started; use less, or raise the limit with `memory=SIZE` in its info string or `<!-- primer: memory=SIZE -->` for the chapter"
        case .cpu(let seconds):
            return "the cell used more than \(CellOptions.seconds(seconds)) s of CPU time, its limit, and was stopped with everything it started; make it cheaper, or raise the limit with `cpu=SECONDS` in its info string or `<!-- primer: cpu=SECONDS -->` for the chapter"
        }
    }
}

extension Chapter {
    /// The limits a cell runs under: its own, else the chapter's, else the defaults.
    public func limits(of cell: Cell) -> ResourceLimits {
        cell.options.limits.filled(from: limits).filled(from: .defaults)
    }

    /// What the kernel enforces for the whole program, beneath the per-cell watch: twice the
    /// largest cell memory limit (virtual reservations of the Swift runtime and of threads count
    /// towards `RLIMIT_DATA` though they are never touched), the CPU limits of all cells
    /// together, and the process limit.
    public var programBackstop: ResourceLimits {
        let running = cells.filter(\.runs).map(limits(of:))
        let memory = running.compactMap(\.memoryBytes).max() ?? ResourceLimits.defaults.memoryBytes!
        let cpu = running.compactMap(\.cpuSeconds).reduce(0, +)
        return ResourceLimits(memoryBytes: 2 * memory, cpuSeconds: cpu + 60,
                              processes: limits.processes ?? ResourceLimits.defaults.processes)
    }
}
