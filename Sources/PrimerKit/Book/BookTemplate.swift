import Foundation

/// The files of a new book, as `primer init` writes them: `SUMMARY.md`, `book.json`, one
/// chapter with cells and `output` blocks (it passes `primer check` as written), a
/// `.gitignore`, and a GitHub Actions workflow that checks the book in shards and publishes
/// its site. The texts are real files in `Sources/PrimerKit/Template/`.
///
///     let written = try BookTemplate.write(into: "my-course")   // ["my-course/SUMMARY.md", …]
public enum BookTemplate {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Path in the new book → contents.
    public static let files: [(path: String, text: String)] = [
        ("SUMMARY.md", text(PackageResources.SUMMARY_md)),
        ("book.json", text(PackageResources.book_json)),
        ("01-first-steps.md", text(PackageResources.first_chapter_md)),
        (".gitignore", text(PackageResources.gitignore)),
        (".github/workflows/primer.yml", text(PackageResources.primer_yml)),
    ]

    /// Writes the files into `folder` (created if needed). Refuses, writing nothing, when one
    /// of them exists already.
    @discardableResult
    public static func write(into folder: String) throws -> [String] {
        let existing = files.map { folder + "/" + $0.path }.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty {
            throw Refusal(description: "\(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); primer init writes a new book and overwrites nothing (choose an empty folder)")
        }
        var written: [String] = []
        for file in files {
            let path = folder + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
            written.append(path)
        }
        return written
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
