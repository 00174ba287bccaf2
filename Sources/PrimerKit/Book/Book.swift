import Foundation

/// A course: a folder of chapters in reading order, with its metadata.
///
/// The order comes from `SUMMARY.md` in the folder (a Markdown list of links, as in mdBook),
/// or, without one, from the chapter file names. Metadata (title, language, authors) lives in
/// `book.json` beside them, so that another edition (say, in Chinese) can be a second folder
/// with its own metadata. `book.json` may also state the tolerance of the book's `output`
/// blocks (`"tolerance": "tolerance=0.5%"`), read with each chapter: `Book.tolerance(forChapterAt:)`.
///
///     let book = try Book.load(folder: "Chapters")
///     book.chapters.map(\.path)   // ["Chapters/01-two-stacks.md", …]
public struct Book: Equatable, Sendable {
    public var folder: String
    public var metadata: Metadata
    public var chapters: [Entry]

    public struct Entry: Equatable, Sendable {
        /// The chapter file, as a path usable from the current directory.
        public var path: String
        /// The title given in SUMMARY.md, if any.
        public var summaryTitle: String?
    }

    public struct Metadata: Codable, Equatable, Sendable {
        public var title: String
        public var language: String = "en"
        public var authors: [String] = []
        public var description: String?
        /// Whether raw HTML in chapters reaches the site (off: it is shown as text).
        public var allowRawHTML: Bool = false
        /// The book this one translates, relative to this book's folder (`"../Chapters"`): then
        /// this book is an edition of that one, and its chapters name their sources.
        public var translationOf: String?

        public init(title: String, language: String = "en", authors: [String] = [], description: String? = nil, allowRawHTML: Bool = false) {
            self.title = title; self.language = language; self.authors = authors
            self.description = description; self.allowRawHTML = allowRawHTML
        }

        /// The language Primer's own words are in for this book (`language`, a BCP-47 tag).
        public var uiLanguage: UILanguage { UILanguage(tag: language) }

        enum CodingKeys: String, CodingKey { case title, language, authors, description, allowRawHTML, translationOf }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try c.decode(String.self, forKey: .title)
            language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
            authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
            description = try c.decodeIfPresent(String.self, forKey: .description)
            allowRawHTML = try c.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
            translationOf = try c.decodeIfPresent(String.self, forKey: .translationOf)
        }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Files in a book folder that are not chapters.
    static let nonChapters: Set<String> = ["SUMMARY.md", "README.md"]

    public static func load(folder: String) throws -> Book {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError(description: "\(folder): no such folder; a book is a folder of Markdown chapters")
        }
        let metadata = try loadMetadata(folder: folder)
        let chapters: [Entry]
        let summaryPath = folder + "/SUMMARY.md"
        if FileManager.default.fileExists(atPath: summaryPath) {
            chapters = try Summary.entries(summaryPath: summaryPath, folder: folder)
        } else {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            chapters = names.filter { $0.hasSuffix(".md") && !nonChapters.contains($0) }.sorted()
                .map { Entry(path: join(folder, $0), summaryTitle: nil) }
        }
        if chapters.isEmpty {
            throw LoadError(description: "\(folder): no chapters found; add Markdown files (*.md) or list them in \(folder)/SUMMARY.md")
        }
        return Book(folder: folder, metadata: metadata, chapters: chapters)
    }

    /// The language Primer speaks in the terminal for the book in `folder` (a chapter's own
    /// folder for a chapter): `override` (`--lang`), else `PRIMER_LANG`, else its `book.json`'s
    /// `language`, else English.
    ///
    ///     Book.uiLanguage(folder: "Chapters-zh", override: nil)   // .zhHans
    public static func uiLanguage(folder: String, override: String?,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> UILanguage {
        UILanguage.forTerminal(override: override, bookLanguage: (try? loadMetadata(folder: folder))?.language, environment: environment)
    }

    static func loadMetadata(folder: String) throws -> Metadata {
        let path = folder + "/book.json"
        if let data = FileManager.default.contents(atPath: path) {
            do { return try JSONDecoder().decode(Metadata.self, from: data) } catch {
                throw LoadError(description: "\(path): not valid book metadata (\(error)); it needs at least {\"title\": \"…\"}")
            }
        }
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        return Metadata(title: ((absolute as NSString).standardizingPath as NSString).lastPathComponent)
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }
}

/// Reads `SUMMARY.md`: every link to a `.md` file, in order, is a chapter.
enum Summary {
    static func entries(summaryPath: String, folder: String) throws -> [Book.Entry] {
        let chapter: Chapter
        do { chapter = try Chapter.load(path: summaryPath) } catch let error as ChapterError {
            throw Book.LoadError(description: error.description)
        }
        var entries: [Book.Entry] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let url, _, let label) where url.hasSuffix(".md") && !url.contains("://"):
                    let path = Book.join(folder, url)
                    if !entries.contains(where: { $0.path == path }) { entries.append(.init(path: path, summaryTitle: label.plainText)) }
                case .emphasis(let c), .strong(let c): visit(c)
                default: break
                }
            }
        }
        func visit(_ block: Block) {
            switch block {
            case .paragraph(let inlines, _), .heading(_, let inlines, _): visit(inlines)
            case .list(_, let items): items.forEach { $0.forEach(visit) }
            case .blockQuote(let blocks): blocks.forEach(visit)
            default: break
            }
        }
        for part in chapter.content { if case .prose(let block) = part { visit(block) } }
        for entry in entries where !FileManager.default.fileExists(atPath: entry.path) {
            throw Book.LoadError(description: "\(summaryPath): links to \(entry.path), which does not exist")
        }
        return entries
    }
}
