import Foundation
import PrimerFigures
import PrimerMath

/// Writes the static HTML course: an index with the table of contents and each chapter's run
/// status, one page per chapter, the stylesheet, the script and the search index.
///
/// The site is written into a fresh folder beside `outputDirectory` and swapped into place
/// in one step, so a failed or killed build leaves the previous site intact, and two builds
/// at once each write their own folder.
///
///     try SiteBuilder(book: book, items: items).write(to: "_site")
public struct SiteBuilder: Sendable {
    public var book: Book
    /// The chapters in book order with their results.
    public var items: [ChapterBatch.Item]
    /// Warnings met while rendering (e.g. formulas that could not be typeset), `path:line: warning: …`.
    public private(set) var warnings: [String] = []
    /// Files of the book folder that pages link to or show (`img/plot.png`), by path relative
    /// to it: each is copied to the same path in the site (`LinkCheck.Report.assets`).
    public var assets: Set<String> = []
    /// The book's other editions, for the language switcher on every page (`CourseSite` sets
    /// them when it writes several editions side by side).
    public var otherEditions: [EditionLink] = []
    /// The stylesheet, script and page skeleton: Primer's own, or the book's `theme/` files.
    let theme: SiteTheme

    public init(book: Book, items: [ChapterBatch.Item]) {
        self.book = book; self.items = items
        theme = SiteTheme.load(book: book.folder)
    }

    /// The words of the book's language (`book.json` "language") for the page chrome.
    var strings: any UIStringTable { book.metadata.uiLanguage.strings }

    /// The words `primer.js` and `primer serve`'s `live.js` show, as a JSON script element they
    /// read (`#primer-strings`); a word with values has `{cell}`-style placeholders.
    var scriptStrings: String {
        let keys: [UIText] = [.copy, .copied, .selectAndCopy, .showAsChart, .showAsText, .noMatches,
                              .rebuilding, .compilingChapter, .bookError]
        var table = Dictionary(uniqueKeysWithValues: keys.map { ($0.rawValue, strings.text($0)) })
        table["runningCell"] = strings.liveRunningCell(cell: "{cell}")
        table["runningCellProgress"] = strings.liveRunningCellProgress(cell: "{cell}", text: "{text}")
        let data = (try? JSONSerialization.data(withJSONObject: table, options: [.sortedKeys])) ?? Data("{}".utf8)
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return "<script type=\"application/json\" id=\"primer-strings\">\(json)</script>"
    }

    /// The page file for a chapter path: `Chapters/01-intro.md` → `01-intro.html`.
    public static func pageName(for path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".html"
    }

    public mutating func write(to outputDirectory: String) throws {
        var site = self
        try AtomicFile.writeDirectory(outputDirectory) { folder in try site.writeFiles(into: folder) }
        warnings = site.warnings
    }

    /// Writes the site's files into `folder`, which exists and is the site's own.
    mutating func writeFiles(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/assets", withIntermediateDirectories: true)
        func put(_ text: String, _ file: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        let mathFont = Self.shipMathFont(into: folder + "/assets")
        try put(theme.stylesheet + "\n/* Figures */\n" + PrimerFigures.svgStylesheet + "\n/* Math */\n" + mathFont
                + LaTeX.stylesheet + "\n", "assets/primer.css")
        try put(theme.script, "assets/primer.js")
        for asset in assets.sorted() where !asset.hasPrefix("assets/") && !asset.hasSuffix(".html") {
            let destination = folder + "/" + asset
            try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: destination)
            try FileManager.default.copyItem(atPath: book.folder + "/" + asset, toPath: destination)
        }
        // Pages are independent: render them on both cores, then write them in book order.
        let builder = self
        let rendered = Locked([Int: RenderedPage]())
        DispatchQueue.concurrentPerform(iterations: items.count) { position in
            let page = builder.chapterPage(position)
            rendered.withLock { $0[position] = page }
        }
        var searchEntries: [SearchEntry] = []
        let pages = rendered.withLock { $0 }
        for (position, item) in items.enumerated() {
            guard let page = pages[position] else { continue }
            try put(page.html, Self.pageName(for: item.result.path))
            searchEntries += page.searchEntries
            warnings += page.warnings
        }
        try put(indexPage(), "index.html")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys      // the same course gives the same bytes
        let json = (try? encoder.encode(searchEntries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // A script, not a JSON file: pages opened from disk (file://) cannot fetch JSON.
        try put("window.PRIMER_SEARCH = \(json.replacingOccurrences(of: "</", with: "<\\/"));\n", "assets/search-index.js")
    }

    /// Debian's DejaVu Math TeX Gyre (fonts-dejavu-extra) has the OpenType MATH table browsers
    /// need to stretch brackets and enlarge sums. When it is installed, the site carries a copy,
    /// so readers need no font of their own; the returned CSS puts it first for `math`.
    static func shipMathFont(into assets: String) -> String {
        let source = "/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf"
        guard FileManager.default.fileExists(atPath: source) else { return "" }
        do {
            try FileManager.default.createDirectory(atPath: assets + "/fonts", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: assets + "/fonts/DejaVuMathTeXGyre.ttf")
        } catch { return "" }
        return "@font-face { font-family: \"DejaVu Math TeX Gyre\"; src: url(\"fonts/DejaVuMathTeXGyre.ttf\") format(\"truetype\"); }\n"
    }

    struct SearchEntry: Codable {
        var title: String
        var url: String
        var text: String
    }

    private func title(of item: ChapterBatch.Item) -> String {
        item.chapter?.title ?? book.chapters.first(where: { $0.path == item.result.path })?.summaryTitle
            ?? ((item.result.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private func statusBadge(_ result: ChapterResult) -> String {
        if result.passed { return "<span class=\"status-pass\">✓ \(HTMLText.escape(strings.text(.passed)))</span>" }
        let count = result.failures.count + (result.chapterError == nil ? 0 : 1)
        return "<span class=\"status-fail\">✗ \(HTMLText.escape(strings.errorCount(count)))</span>"
    }

    private func sidebar(current: Int?, outline: [(level: Int, id: String, text: String)]) -> String {
        let search = HTMLText.escape(strings.text(.searchPlaceholder))
        var out = "<nav class=\"sidebar\" aria-label=\"\(HTMLText.escape(strings.text(.contentsLabel)))\">\n<a class=\"book-title\" href=\"index.html\">\(HTMLText.escape(book.metadata.title))</a>\n"
        out += languageSwitcher(current: current)
        out += "<div class=\"search\" role=\"search\"><input id=\"search-input\" type=\"search\" placeholder=\"\(search)\" aria-label=\"\(search)\"><ul id=\"search-results\" class=\"search-results\"></ul></div>\n<ol>\n"
        for (i, item) in items.enumerated() {
            let cls = i == current ? " class=\"current\"" : ""
            out += "<li\(cls)><a href=\"\(Self.pageName(for: item.result.path))\">\(HTMLText.escape(title(of: item)))</a></li>\n"
        }
        out += "</ol>\n"
        let sections = outline.filter { $0.level == 2 || $0.level == 3 }
        if !sections.isEmpty {
            out += "<div class=\"outline\"><strong>\(HTMLText.escape(strings.text(.onThisPage)))</strong><ul>\n"
            for s in sections { out += "<li class=\"level-\(s.level)\"><a href=\"#\(s.id)\">\(HTMLText.escape(s.text))</a></li>\n" }
            out += "</ul></div>\n"
        }
        return out + "</nav>"
    }

    /// Links to the page of the same chapter in each other edition (its index when it has no
    /// such chapter); empty for a book on its own.
    private func languageSwitcher(current: Int?) -> String {
        guard !otherEditions.isEmpty else { return "" }
        let key = current.map { Editions.originKey(of: items[$0].chapter, path: items[$0].result.path) }
        var out = "<div class=\"editions\" role=\"navigation\" aria-label=\"\(HTMLText.escape(strings.text(.languageLabel)))\">"
        out += "<span class=\"edition-current\" aria-current=\"true\">\(HTMLText.escape(book.metadata.uiLanguage.nativeName))</span>"
        for edition in otherEditions {
            let page = key.flatMap { edition.pages[$0] } ?? "index.html"
            let tag = HTMLText.escape(edition.language)
            out += " <a class=\"edition-link\" href=\"\(HTMLText.escape(edition.folderFromHere + page))\" hreflang=\"\(tag)\" lang=\"\(tag)\">\(HTMLText.escape(edition.name))</a>"
        }
        return out + "</div>\n"
    }

    private func page(title: String, body: String) -> String {
        theme.page(language: HTMLText.escape(book.metadata.language), title: HTMLText.escape(title), head: "\n" + scriptStrings, body: body)
    }

    private func indexPage() -> String {
        var main = "<main>\n<h1>\(HTMLText.escape(book.metadata.title))</h1>\n"
        if !book.metadata.authors.isEmpty { main += "<p class=\"authors\">\(HTMLText.escape(book.metadata.authors.joined(separator: ", ")))</p>\n" }
        if let description = book.metadata.description { main += "<p>\(HTMLText.escape(description))</p>\n" }
        main += "<table class=\"toc\">\n<thead><tr><th>#</th><th>\(HTMLText.escape(strings.text(.tableChapter)))</th><th>\(HTMLText.escape(strings.text(.tableStatus)))</th><th>\(HTMLText.escape(strings.text(.tableTime)))</th></tr></thead>\n<tbody>\n"
        for (i, item) in items.enumerated() {
            let time = String(format: "%.1f s", item.result.seconds) + (item.result.fromCache ? HTMLText.escape(strings.text(.cachedNote)) : "")
            main += "<tr><td>\(i + 1)</td><td><a href=\"\(Self.pageName(for: item.result.path))\">\(HTMLText.escape(title(of: item)))</a></td><td>\(statusBadge(item.result))</td><td>\(time)</td></tr>\n"
        }
        main += "</tbody></table>\n</main>"
        return page(title: book.metadata.title, body: sidebar(current: nil, outline: []) + "\n" + main)
    }

    /// One chapter's page, its search entries and the math warnings met while rendering it.
    struct RenderedPage {
        var html: String
        var searchEntries: [SearchEntry]
        var warnings: [String] = []
    }

    private func chapterPage(_ position: Int) -> RenderedPage {
        let item = items[position]
        let pageName = Self.pageName(for: item.result.path)
        var prose = HTMLProse(allowRawHTML: book.metadata.allowRawHTML, language: book.metadata.uiLanguage)
        var main = "<main>\n"
        var entries: [SearchEntry] = []
        guard let chapter = item.chapter?.resolvingInlineValues(item.result.inlineValues) else {
            let error = item.result.chapterError
            main += "<h1>\(HTMLText.escape(title(of: item)))</h1>\n<div class=\"error\" role=\"alert\"><p><strong>\(HTMLText.escape(strings.text(.chapterUnreadable)))</strong>"
            if let error { main += " \(HTMLText.escape(strings.text(.atLocation))) <code>\(HTMLText.escape("\(error.path):\(error.line):\(error.column)"))</code></p><p>\(HTMLText.escape(error.message))" }
            main += "</p></div>\n" + pager(position) + "</main>"
            return RenderedPage(html: page(title: title(of: item), body: sidebar(current: position, outline: []) + "\n" + main),
                                searchEntries: entries)
        }
        let cells = HTMLCells(chapterPath: chapter.path, strings: strings)
        var section = (title: chapter.title, anchor: "", text: "")
        func flush() {
            if !section.text.isEmpty || !section.anchor.isEmpty {
                entries.append(SearchEntry(title: section.anchor.isEmpty ? chapter.title : "\(chapter.title) › \(section.title)",
                                           url: pageName + (section.anchor.isEmpty ? "" : "#" + section.anchor),
                                           text: String(section.text.prefix(4000))))
            }
        }
        for part in chapter.content {
            switch part {
            case .prose(let block):
                main += prose.render(block) + "\n"
                if case .heading(let level, let inlines, _) = block, level <= 3 {
                    flush()
                    section = (inlines.plainText, prose.outline.last?.id ?? "", "")
                } else {
                    section.text += " " + Self.searchText(block)
                }
            case .cell(let i):
                main += cells.render(chapter.cells[i], result: item.result.cells.first { $0.index == i }) + "\n"
                if !chapter.cells[i].options.hiddenFromLearner { section.text += " " + chapter.cells[i].source }
            }
        }
        flush()
        let warnings = prose.mathProblems.map { "\(chapter.path):\($0.line): warning: \($0.message)" }
        main += pager(position) + "</main>"
        let html = page(title: "\(chapter.title) · \(book.metadata.title)", body: sidebar(current: position, outline: prose.outline) + "\n" + main)
        return RenderedPage(html: html, searchEntries: entries, warnings: warnings)
    }

    private func pager(_ position: Int) -> String {
        var out = "<nav class=\"pager\" aria-label=\"\(HTMLText.escape(strings.text(.chaptersLabel)))\">"
        out += position > 0 ? "<a rel=\"prev\" href=\"\(Self.pageName(for: items[position - 1].result.path))\">← \(HTMLText.escape(title(of: items[position - 1])))</a>" : "<span></span>"
        out += position + 1 < items.count ? "<a rel=\"next\" href=\"\(Self.pageName(for: items[position + 1].result.path))\">\(HTMLText.escape(title(of: items[position + 1]))) →</a>" : "<span></span>"
        return out + "</nav>\n"
    }

    static func searchText(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines, _), .heading(_, let inlines, _): return inlines.plainText
        case .blockQuote(let blocks): return blocks.map(searchText).joined(separator: " ")
        case .list(_, let items): return items.flatMap { $0 }.map(searchText).joined(separator: " ")
        case .codeBlock(_, let code, _, _): return code
        case .table(let t, _): return (t.header + t.rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
        case .displayMath(let latex, _): return latex
        case .html, .thematicBreak: return ""
        }
    }
}
