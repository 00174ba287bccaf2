import Foundation
import CPrimerSystem
#if canImport(Glibc)
import Glibc
#endif

/// Writing files and folders so that a reader never sees half of them, even when the writer
/// is killed mid-way.
///
///     try AtomicFile.write(data, to: "/path/entry.json")   // temp file, fsync, rename
public enum AtomicFile {
    /// Writes `data` beside `path` under a unique name, flushes it to disk and renames it over
    /// `path`. A crash leaves either the old file or the new one, plus at most a stray temp file.
    public static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw POSIXFailure(call: "open \(temporary)") }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                offset += n
            }
        }
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw POSIXFailure(call: "write \(path)")
        }
    }

    /// Writes a whole folder: `fill` writes into a fresh staging folder beside `target`, which
    /// then replaces `target` in one step (`replaceDirectory(_:with:)`); when `fill` throws,
    /// the staging folder is removed and `target` is left as it was.
    ///
    ///     try AtomicFile.writeDirectory("_site") { folder in try page.write(to: folder + "/index.html") }
    public static func writeDirectory(_ target: String, fill: (String) throws -> Void) throws {
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.\(name).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try fill(staging)
            try replaceDirectory(target, with: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Puts the finished folder `staged` in the place of `target` in one step: the old folder
    /// (if any) is moved to `staged`'s place and can then be removed. Uses `renameat2` with
    /// `RENAME_EXCHANGE`, so `target` is never missing or half-written; falls back to two
    /// renames where the file system cannot exchange.
    public static func replaceDirectory(_ target: String, with staged: String) throws {
        if FileManager.default.fileExists(atPath: target) {
            if primer_exchange_paths(staged, target) == 0 {
                try? FileManager.default.removeItem(atPath: staged)
                return
            }
            let old = "\(target).old-\(getpid())"
            guard rename(target, old) == 0 else { throw POSIXFailure(call: "rename \(target)") }
            guard rename(staged, target) == 0 else {
                _ = rename(old, target)
                throw POSIXFailure(call: "rename \(staged)")
            }
            try? FileManager.default.removeItem(atPath: old)
        } else {
            guard rename(staged, target) == 0 else { throw POSIXFailure(call: "rename \(staged)") }
        }
    }
}

/// A failed system call, with `errno`'s text.
public struct POSIXFailure: Error, CustomStringConvertible {
    public var call: String
    public var code: Int32
    public init(call: String) { self.call = call; self.code = errno }
    public var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// An exclusive advisory lock on a file, held until `unlock()` or deinit.
///
///     let lock = try FileLock(path: ".build-engines/lock")   // waits for other holders
public final class FileLock {
    private var fd: Int32

    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw POSIXFailure(call: "open \(path)") }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { let failure = POSIXFailure(call: "flock \(path)"); close(fd); throw failure }
        }
    }

    public func unlock() {
        if fd >= 0 { flock(fd, LOCK_UN); close(fd); fd = -1 }
    }

    deinit { unlock() }
}
