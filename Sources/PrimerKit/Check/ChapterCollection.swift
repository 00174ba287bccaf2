import Foundation

/// Finds the chapters under the paths `primer check` is given.
///
/// A file is a chapter; a folder with a `SUMMARY.md` contributes its chapters in book order;
/// any other folder contributes its `*.md` files (not `SUMMARY.md` or `README.md`) and those of
/// its subfolders, sorted by path.
public enum ChapterCollection {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func collect(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(description: "\(path): no such file or folder")
            }
            if !isDirectory.boolValue { result.append(path); continue }
            if FileManager.default.fileExists(atPath: path + "/SUMMARY.md") {
                result += try Book.load(folder: path).chapters.map(\.path)
                continue
            }
            let found = markdownFiles(under: path)
            if found.isEmpty { throw Failure(description: "\(path): no chapters (*.md files) in this folder") }
            result += found
        }
        var seen = Set<String>()
        return result.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }

    static func markdownFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
            if name.hasSuffix(".md") && !Book.nonChapters.contains(name) { files.append(Book.join(folder, relative)) }
        }
        return files.sorted()
    }

    /// The chapters of shard `k` (1-based) of `n`: each chapter goes to the shard picked by a
    /// hash of its path, so a chapter stays in its shard when others are added or removed.
    public static func shard(_ chapters: [String], k: Int, of n: Int) -> [String] {
        chapters.filter { path in
            let digest = SHA256.hex(of: (path as NSString).standardizingPath)
            let value = UInt64(digest.prefix(12), radix: 16) ?? 0
            return Int(value % UInt64(n)) == k - 1
        }
    }
}
