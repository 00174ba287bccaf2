import Foundation

/// What each translated chapter of an edition was last brought up to date with: the hashes of
/// its source chapter's paragraphs, kept in `translation-sync.json` in the edition's folder
/// and written only by `primer edition stamp`. `primer check` compares them with the source
/// as it is now and names the translated paragraphs whose source changed since.
///
///     try TranslationSync.stamp(edition: "Chapters-zh")        // after updating a translation
///     TranslationSync.staleness(of: zhChapter)                 // [] while nothing changed
public enum TranslationSync {
    /// The file's name in the edition's folder.
    public static let fileName = "translation-sync.json"

    struct File: Codable {
        var about = "Written by `primer edition stamp`: for each translated chapter, its source and the hashes of the source's paragraphs it was last brought up to date with. Do not edit by hand."
        var chapters: [String: Stamp] = [:]
    }

    struct Stamp: Codable, Equatable {
        var source: String
        var paragraphs: [String]
    }

    /// A translated paragraph whose source changed after the translation was stamped.
    public struct StaleParagraph: Equatable, Sendable {
        public var path: String
        public var line: Int
        public var message: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Records, for every translated chapter of the edition in `folder` (or only `chapters`),
    /// its source's paragraphs as they are now. Returns the chapters stamped.
    @discardableResult
    public static func stamp(edition folder: String, chapters only: [String] = []) throws -> [String] {
        let book: Book
        do { book = try Book.load(folder: folder) } catch { throw Failure(description: "\(error)") }
        var file = read(folder: folder) ?? File()
        var stamped: [String] = []
        for entry in book.chapters {
            let name = (entry.path as NSString).lastPathComponent
            if !only.isEmpty, !only.contains(where: { ($0 as NSString).lastPathComponent == name }) { continue }
            let chapter: Chapter
            do { chapter = try Chapter.load(path: entry.path) } catch { throw Failure(description: "\(error)") }
            guard let named = chapter.translation else { continue }
            let source: Chapter
            do { source = try Chapter.load(path: named.path) } catch {
                throw Failure(description: "\(entry.path):\(named.line): cannot read the source chapter \(named.path): \(error)")
            }
            do { try CellIdentity.verify(translation: chapter, source: source) } catch {
                throw Failure(description: "\(error)\n(nothing was stamped: a translation is stamped once its cells are the source's)")
            }
            file.chapters[name] = Stamp(source: named.written, paragraphs: ProseParagraphs(source).items.map(\.hash))
            stamped.append(entry.path)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(file)
        try AtomicFile.write(data + Data("\n".utf8), to: folder + "/" + fileName)
        return stamped
    }

    /// The paragraphs of `translation` whose source paragraphs changed (or appeared, or went)
    /// since it was stamped; one entry at line 1 when it was never stamped.
    public static func staleness(of translation: Chapter) -> [StaleParagraph] {
        guard let named = translation.translation, let source = try? Chapter.load(path: named.path) else { return [] }
        let folder = (translation.path as NSString).deletingLastPathComponent
        let edition = folder.isEmpty ? "." : folder
        let name = (translation.path as NSString).lastPathComponent
        let restamp = "bring the translation up to date, then run `primer edition stamp \(edition)`"
        guard let stamp = read(folder: edition)?.chapters[name] else {
            return [StaleParagraph(path: translation.path, line: named.line,
                                   message: "this translation has never been stamped (no entry in \(edition)/\(fileName)); once it matches its source, run `primer edition stamp \(edition)`")]
        }
        let now = ProseParagraphs(source).items
        let ours = ProseParagraphs(translation)
        var stale: [StaleParagraph] = [], gone: [StaleParagraph] = []
        for change in now.map(\.hash).difference(from: stamp.paragraphs) {
            switch change {
            case .insert(let offset, _, _):
                let paragraph = now[offset]
                stale.append(StaleParagraph(path: translation.path, line: ours.line(matching: paragraph),
                                            message: "stale translation: the source paragraph at \(source.path):\(paragraph.line) changed or is new since this chapter was stamped; \(restamp)"))
            case .remove(let offset, _, _):
                let near = now.isEmpty ? nil : now[min(offset, now.count - 1)]
                gone.append(StaleParagraph(path: translation.path, line: near.map(ours.line(matching:)) ?? named.line,
                                            message: "stale translation: a paragraph of the source near \(source.path):\(near?.line ?? 1) was removed since this chapter was stamped; remove its translation, then run `primer edition stamp \(edition)`"))
            }
        }
        // One report per translated paragraph, in file order: a changed paragraph is a removal
        // and an insertion at the same place, reported as the change.
        var seen = Set<Int>()
        return (stale + gone).filter { seen.insert($0.line).inserted }.sorted { $0.line < $1.line }
    }

    static func read(folder: String) -> File? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }
}
