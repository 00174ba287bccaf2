import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a process and everything it started use right now, read from `/proc`: resident memory
/// and CPU time (including children that already ended and were reaped).
///
/// The program may sit in other namespaces (the sandbox) or leave its process group: it is found
/// by parenthood, from `/proc/PID/stat`, not by group.
///
///     let usage = ProcessTreeUsage.sample(root: child.pid)
///     usage.residentBytes   // 183_500_800
///     usage.cpuSeconds      // 2.41
struct ProcessTreeUsage: Equatable {
    var residentBytes: Int
    var cpuSeconds: Double
    var processes: Int

    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// One `/proc/PID/stat` line's fields that matter here.
    struct Stat: Equatable {
        var parent: Int32
        var cpuTicks: Int
        var residentPages: Int
    }

    /// Sums the usage of `root` and its descendants.
    static func sample(root: pid_t) -> ProcessTreeUsage {
        var stats: [Int32: Stat] = [:]
        if let directory = opendir("/proc") {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                guard let pid = Int32(name), let stat = read(pid) else { continue }
                stats[pid] = stat
            }
        }
        var children: [Int32: [Int32]] = [:]
        for (pid, stat) in stats { children[stat.parent, default: []].append(pid) }
        var usage = ProcessTreeUsage(residentBytes: 0, cpuSeconds: 0, processes: 0)
        var pending = [root], ticks = 0
        while let pid = pending.popLast() {
            guard let stat = stats[pid] else { continue }
            usage.residentBytes += stat.residentPages * pageSize
            usage.processes += 1
            ticks += stat.cpuTicks
            pending += children[pid] ?? []
        }
        usage.cpuSeconds = Double(ticks) / ticksPerSecond
        return usage
    }

    /// Reads `/proc/PID/stat`; nil when the process is gone.
    static func read(_ pid: Int32) -> Stat? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return parse(String(decoding: buffer[0..<count], as: UTF8.self))
    }

    /// Parses a stat line: `1234 (chapter) S 1200 … utime stime cutime cstime … rss …`. The
    /// command name may hold spaces and parentheses, so fields are counted after the last `)`.
    static func parse(_ line: String) -> Stat? {
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        // fields[0] is the state (field 3 of proc(5)); field N is fields[N - 3].
        guard fields.count > 21, let parent = Int32(fields[1]),
              let user = Int(fields[11]), let system = Int(fields[12]),
              let childUser = Int(fields[13]), let childSystem = Int(fields[14]),
              let resident = Int(fields[21]) else { return nil }
        return Stat(parent: parent, cpuTicks: user + system + childUser + childSystem, residentPages: resident)
    }
}
