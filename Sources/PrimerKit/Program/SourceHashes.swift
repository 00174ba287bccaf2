import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of source files, remembered between runs by path, size and modification time (to the
/// nanosecond), the way git's index and make trust a file's stat data. Hashing the engines'
/// sources anew on every `primer` command cost 0.2 s in a debug build; a remembered hash costs a
/// `stat`. A file modified less than two seconds before it is hashed is hashed again next time
/// too (an edit within the same clock tick could otherwise keep its old size and time).
///
///     var hashes = SourceHashes(memoPath: ".build-engines/source-hashes")
///     let digest = hashes.hash(ofFile: "/repo/Sources/DeepLearning/Tensor/Tensor.swift")
///     hashes.save()
struct SourceHashes {
    private struct Entry {
        var size: Int
        var modified: Int
        var hash: String
    }

    let memoPath: String
    private var entries: [String: Entry] = [:]
    private var changed = false
    /// How recent a modification must be for its hash not to be trusted next time.
    static let settleNanoseconds = 2_000_000_000

    init(memoPath: String) {
        self.memoPath = memoPath
        guard let text = try? String(contentsOfFile: memoPath, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let size = Int(fields[1]), let modified = Int(fields[2]) else { continue }
            entries[String(fields[0])] = Entry(size: size, modified: modified, hash: String(fields[3]))
        }
    }

    /// The file's SHA-256 in hex, or nil when it cannot be read.
    mutating func hash(ofFile path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        if let known = entries[path], known.size == size, known.modified == modified { return known.hash }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hasher = SHA256()
        hasher.update(data)
        let hash = hasher.finalizeHex()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nowNanoseconds = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        let storable = !path.contains("\t") && !path.contains("\n")
        if storable && nowNanoseconds - modified >= Self.settleNanoseconds {
            entries[path] = Entry(size: size, modified: modified, hash: hash)
            changed = true
        } else if entries.removeValue(forKey: path) != nil {
            changed = true
        }
        return hash
    }

    /// Writes the remembered hashes (atomically) when any changed; failures only cost speed.
    func save() {
        guard changed else { return }
        let text = entries.keys.sorted().map { path in
            let e = entries[path]!
            return "\(path)\t\(e.size)\t\(e.modified)\t\(e.hash)"
        }.joined(separator: "\n") + "\n"
        try? AtomicFile.write(Data(text.utf8), to: memoPath)
    }
}
