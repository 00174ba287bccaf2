import Foundation

/// The editions of a course: a book and the books beside it whose `book.json` says they
/// translate it (`"translationOf": "../Chapters"`).
///
///     Editions.translations(of: "Chapters")   // ["Chapters-zh"]
///     Editions.siteFolders(for: [en, zh])     // ["en", "zh"]
public enum Editions {
    /// The book commands take when given none: `Chapters` and its editions (empty without it).
    public static var defaultCourse: [String] {
        FileManager.default.fileExists(atPath: "Chapters") ? ["Chapters"] + translations(of: "Chapters") : []
    }

    /// The folders next to `book` (and inside it) that hold a translation of it, by name.
    public static func translations(of book: String) -> [String] {
        let target = Paths.absolute(book)
        let parent = (book as NSString).deletingLastPathComponent
        var candidates: [String] = []
        for folder in [parent.isEmpty ? "." : parent, book] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            candidates += names.sorted().filter { !$0.hasPrefix(".") }.map { Book.join(folder == "." ? "" : folder, $0) }
        }
        return candidates.filter { folder in
            guard let metadata = try? Book.loadMetadata(folder: folder), let source = metadata.translationOf,
                  FileManager.default.fileExists(atPath: folder + "/book.json") else { return false }
            return Paths.absolute(folder + "/" + source) == target
        }
    }

    /// Where each book's pages go in a site of several editions: its language's primary tag
    /// (`en`, `zh`), or the folder's name when two books share a language.
    public static func siteFolders(for books: [Book]) -> [String] {
        let primaries = books.map { book in
            book.metadata.language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? "book"
        }
        return books.indices.map { i in
            primaries.filter { $0 == primaries[i] }.count == 1 ? primaries[i] : (books[i].folder as NSString).lastPathComponent
        }
    }

    /// The chapters of the book that the edition in `folder` translates which no chapter of the
    /// edition translates yet (empty when `folder` is not an edition or cannot be read).
    ///
    ///     Editions.untranslated(edition: "Chapters-zh")   // ["Chapters/14-new.md"]
    public static func untranslated(edition folder: String) -> [String] {
        guard let edition = try? Book.load(folder: folder), let source = edition.metadata.translationOf,
              let original = try? Book.load(folder: Paths.lexicallyJoined(folder: folder, source)) else { return [] }
        let translated = Set(edition.chapters.compactMap { entry in
            (try? Chapter.load(path: entry.path))?.translation.map { Paths.absolute($0.path) }
        })
        return original.chapters.map(\.path).filter { !translated.contains(Paths.absolute($0)) }
    }

    /// What makes chapters of different editions the same chapter: the source's absolute path
    /// for a translation, the chapter's own for a source.
    static func originKey(of chapter: Chapter?, path: String) -> String {
        Paths.absolute(chapter?.translation?.path ?? path)
    }
}
