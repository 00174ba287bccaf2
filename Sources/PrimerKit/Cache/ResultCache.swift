import Foundation

/// Chapter results on disk, keyed by everything that can change a chapter's outputs.
///
/// The key hashes the cells' sources and the options that affect running, the compiler
/// version, the engines' fingerprint and the contents of the data files the chapter
/// declares; prose is not part of it, so editing prose never re-runs a chapter. Each entry is
/// one JSON file written atomically (temp file, fsync, rename): a build killed at any instant
/// leaves either the old entry or the new one. An entry that does not decode is discarded.
public struct ResultCache: Sendable {
    public var directory: String

    public init(directory: String) { self.directory = directory }

    struct Entry: Codable {
        var format: Int
        var key: String
        var keyParts: [String]
        var result: ChapterResult
    }

    /// Bumped whenever `Entry` changes shape: older entries are discarded, never misread.
    static let format = 3

    /// Why a chapter ran or came from the cache, for `--explain`.
    public enum Lookup: Sendable {
        case hit(ChapterResult)
        case miss(reason: String)
    }

    /// The cache key of `chapter` and the named parts it is made of.
    public static func key(for chapter: Chapter, compilerVersion: String, engineFingerprint: String) -> (key: String, parts: [String]) {
        var parts = ["format \(format)", "compiler \(compilerVersion)", "engines \(engineFingerprint)"]
        for cell in chapter.cells {
            parts.append("cell \(cell.index) [\(cell.options.cacheKeyFragment)] \(SHA256.hex(of: cell.source))")
        }
        for value in chapter.inlineValues {
            parts.append("value \(value.index) after cell \(value.afterCell.map(String.init) ?? "none") \(SHA256.hex(of: value.expression))")
        }
        if case .learner(let checking) = chapter.exerciseRun {
            parts.append("exercises: the learner's, checking \(checking.sorted())")
        }
        for file in chapter.dataFiles {
            let full = file.hasPrefix("/") ? file : chapter.folder + "/" + file
            let digest = FileManager.default.contents(atPath: full).map { SHA256.hex(of: $0) } ?? "missing"
            parts.append("data \(file) \(digest)")
        }
        return (SHA256.hex(of: parts.joined(separator: "\n")), parts)
    }

    private func entryPath(for chapterPath: String) -> String {
        let absolute = Paths.absolute(chapterPath)
        return directory + "/results/" + String(SHA256.hex(of: absolute).prefix(24)) + ".json"
    }

    public func lookup(_ chapter: Chapter, key: String, parts: [String]) -> Lookup {
        let path = entryPath(for: chapter.path)
        guard let data = FileManager.default.contents(atPath: path) else { return .miss(reason: "not in the cache") }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.format == Self.format else {
            return .miss(reason: "the cache entry was unreadable and is discarded")
        }
        if entry.key == key {
            var result = entry.result
            result.fromCache = true
            result.path = chapter.path
            return .hit(result)
        }
        let changed = Self.describeChange(old: entry.keyParts, new: parts)
        return .miss(reason: changed)
    }

    public func store(_ result: ChapterResult, key: String, parts: [String]) throws {
        var stored = result
        stored.fromCache = false
        let entry = Entry(format: Self.format, key: key, keyParts: parts, result: stored)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(entry), to: entryPath(for: result.path))
    }

    /// Says which parts of a key changed, in words.
    static func describeChange(old: [String], new: [String]) -> String {
        func label(_ part: String) -> String {
            let words = part.split(separator: " ")
            switch words.first {
            case "cell": return "cell \(words.count > 1 ? words[1] : "?")"
            case "data": return "data file \(words.count > 1 ? words[1] : "?")"
            case "value": return "inline value \(words.count > 1 ? words[1] : "?")"
            default: return String(words.first ?? "")
            }
        }
        let oldSet = Set(old), newSet = Set(new)
        let changed = Set(new.filter { !oldSet.contains($0) }.map(label) + old.filter { !newSet.contains($0) }.map(label))
        if changed.isEmpty { return "the cache entry is for another version of this chapter" }
        let ordered = changed.sorted()
        let cellCount = (old.filter { $0.hasPrefix("cell ") }.count, new.filter { $0.hasPrefix("cell ") }.count)
        let countNote = cellCount.0 != cellCount.1 ? " (cells: \(cellCount.0) → \(cellCount.1))" : ""
        return "changed: " + ordered.prefix(6).joined(separator: ", ") + (ordered.count > 6 ? ", …" : "") + countNote
    }
}
