import Foundation

/// A site of several editions of one course: each edition's site in a folder named for its
/// language (`en/`, `zh/`), pages that link to the same chapter in the other editions, and an
/// index at the top that offers every edition. Written into a fresh folder and swapped into
/// place in one step, as a single book's site is.
///
///     var site = CourseSite(editions: [.init(book: en, items: enItems), .init(book: zh, items: zhItems)])
///     try site.write(to: "_site")   // _site/index.html, _site/en/…, _site/zh/…
public struct CourseSite: Sendable {
    public struct Edition: Sendable {
        public var book: Book
        public var items: [ChapterBatch.Item]
        public var assets: Set<String>

        public init(book: Book, items: [ChapterBatch.Item], assets: Set<String> = []) {
            self.book = book; self.items = items; self.assets = assets
        }
    }

    public var editions: [Edition]
    public private(set) var warnings: [String] = []

    public init(editions: [Edition]) { self.editions = editions }

    /// The site of `books`, whose chapters' results are `items` (the books' chapters in turn, as
    /// one `ChapterBatch` ran them), each book's links checked: the site and the link report.
    ///
    ///     let (site, links) = CourseSite.checkingLinks(books: [en, zh], items: batch.run(paths))
    public static func checkingLinks(books: [Book], items: [ChapterBatch.Item]) -> (site: CourseSite, links: LinkCheck.Report) {
        var editions: [Edition] = []
        var links = LinkCheck.Report()
        var offset = 0
        for book in books {
            let own = Array(items[offset..<min(items.count, offset + book.chapters.count)])
            offset += book.chapters.count
            let report = LinkCheck.run(own.compactMap(\.chapter), book: Set(book.chapters.map(\.path)), root: book.folder)
            links.problems += report.problems
            links.external += report.external
            editions.append(Edition(book: book, items: own, assets: report.assets))
        }
        return (CourseSite(editions: editions), links)
    }

    /// The folder each edition is written to, inside the site.
    public var folders: [String] { Editions.siteFolders(for: editions.map(\.book)) }

    /// Writes the site; a single edition is written as a plain book's site (no language folder).
    public mutating func write(to outputDirectory: String) throws {
        if editions.count == 1 {
            var single = SiteBuilder(book: editions[0].book, items: editions[0].items)
            single.assets = editions[0].assets
            try single.write(to: outputDirectory)
            warnings = single.warnings
            return
        }
        var site = self
        try AtomicFile.writeDirectory(outputDirectory) { folder in try site.writeFiles(into: folder) }
        warnings = site.warnings
    }

    private mutating func writeFiles(into staging: String) throws {
        let folders = self.folders
        let links = editions.indices.map { i in
            EditionLink(language: editions[i].book.metadata.language, name: editions[i].book.metadata.uiLanguage.nativeName,
                        folderFromHere: "../\(folders[i])/",
                        pages: Dictionary(editions[i].items.map { (Editions.originKey(of: $0.chapter, path: $0.result.path), SiteBuilder.pageName(for: $0.result.path)) },
                                          uniquingKeysWith: { first, _ in first }))
        }
        for (i, edition) in editions.enumerated() {
            var site = SiteBuilder(book: edition.book, items: edition.items)
            site.assets = edition.assets
            site.otherEditions = links.enumerated().filter { $0.offset != i }.map(\.element)
            try site.writeFiles(into: staging + "/" + folders[i])
            warnings += site.warnings
        }
        try writeIndex(into: staging, folders: folders)
    }

    /// The top page: every edition's title and description, each in its own language.
    private func writeIndex(into staging: String, folders: [String]) throws {
        guard let first = editions.first else { return }
        let theme = SiteTheme.load(book: first.book.folder)
        try FileManager.default.createDirectory(atPath: staging + "/assets", withIntermediateDirectories: true)
        // The skeleton loads the stylesheet and scripts from assets/: the first edition's, and
        // an empty search index (the editions' pages each search their own).
        try FileManager.default.copyItem(atPath: staging + "/\(folders[0])/assets/primer.css", toPath: staging + "/assets/primer.css")
        if FileManager.default.fileExists(atPath: staging + "/\(folders[0])/assets/fonts") {
            try FileManager.default.copyItem(atPath: staging + "/\(folders[0])/assets/fonts", toPath: staging + "/assets/fonts")
        }
        try Data(theme.script.utf8).write(to: URL(fileURLWithPath: staging + "/assets/primer.js"))
        try Data("window.PRIMER_SEARCH = [];\n".utf8).write(to: URL(fileURLWithPath: staging + "/assets/search-index.js"))
        var main = "<main class=\"editions-index\">\n<h1>\(HTMLText.escape(first.book.metadata.title))</h1>\n"
        main += "<h2>\(editions.map { HTMLText.escape($0.book.metadata.uiLanguage.strings.text(.editionsHeading)) }.uniqued().joined(separator: " · "))</h2>\n<ul class=\"edition-list\">\n"
        for (i, edition) in editions.enumerated() {
            let tag = HTMLText.escape(edition.book.metadata.language)
            main += "<li lang=\"\(tag)\"><a href=\"\(folders[i])/index.html\" hreflang=\"\(tag)\"><strong>\(HTMLText.escape(edition.book.metadata.uiLanguage.nativeName))</strong> · \(HTMLText.escape(edition.book.metadata.title))</a>"
            if let description = edition.book.metadata.description { main += "<p>\(HTMLText.escape(description))</p>" }
            main += "</li>\n"
        }
        main += "</ul>\n</main>"
        let html = theme.page(language: HTMLText.escape(first.book.metadata.language), title: HTMLText.escape(first.book.metadata.title),
                              head: "", body: main)
        try Data(html.utf8).write(to: URL(fileURLWithPath: staging + "/index.html"))
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
