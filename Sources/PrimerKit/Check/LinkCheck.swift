import Foundation

/// Checks that every internal link of some chapters leads somewhere: a link to another chapter
/// (`02-next.md`, which becomes `02-next.html` on the site) names a file that is a chapter of
/// the book, a `#anchor` names a heading or a cell (`#cell-3`) of its page, and an image or
/// other file path names a file inside the book's folder (the site carries those files).
/// External links (`https://…`, `mailto:`) are listed, never fetched.
///
///     let report = LinkCheck.run(chapters, book: Set(book.chapters.map(\.path)))
///     report.problems.map(\.description)   // ["Chapters/01.md:3:15: error: broken link: …"]
public enum LinkCheck {
    /// A link that leads nowhere, at its place in the chapter.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(path):\(line):\(column): error: \(message)" }
    }

    /// A link out of the book, not checked (the machines are offline).
    public struct External: Equatable, Sendable {
        public var path: String
        public var line: Int
        public var url: String
    }

    public struct Report: Sendable {
        public var problems: [Problem] = []
        public var external: [External] = []
        /// Files inside the book folder that pages link to or show (images, data): the site
        /// carries a copy of each, at the same path relative to the book folder.
        public var assets: Set<String> = []

        /// The problems of one chapter.
        public func problems(in path: String) -> [Problem] { problems.filter { $0.path == path } }
    }

    /// Checks `chapters`. `book`: the chapter files that get pages (absolute or as given);
    /// nil means any Markdown file that exists is a page (`primer check` on loose files).
    /// `root`: the folder whose files the site carries (the book folder; default: each chapter's).
    public static func run(_ chapters: [Chapter], book: Set<String>? = nil, root: String? = nil) -> Report {
        var report = Report()
        let pages = book.map { Set($0.map(Paths.absolute)) }
        var anchorsOfFile: [String: Set<String>?] = [:]
        for chapter in chapters { anchorsOfFile[Paths.absolute(chapter.path)] = ChapterLinks(chapter).anchors }
        func anchors(of file: String) -> Set<String>? {
            if let known = anchorsOfFile[file] { return known }
            let loaded = (try? Chapter.load(path: file)).map { ChapterLinks($0).anchors }
            anchorsOfFile[file] = loaded
            return loaded
        }
        for chapter in chapters {
            let links = ChapterLinks(chapter)
            let folder = chapter.folder
            let carried = Paths.absolute(root ?? folder)
            for link in links.links {
                func problem(_ message: String) {
                    report.problems.append(Problem(path: chapter.path, line: link.line, column: link.column, message: message))
                }
                let url = link.url.trimmingCharacters(in: .whitespaces)
                if isExternal(url) {
                    report.external.append(External(path: chapter.path, line: link.line, url: url))
                    continue
                }
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let filePart = parts[0].split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
                let anchor = parts.count == 2 ? (parts[1].removingPercentEncoding ?? parts[1]) : nil
                let decodedFile = filePart.removingPercentEncoding ?? filePart
                if decodedFile.isEmpty {
                    if let anchor, !links.anchors.contains(anchor) {
                        problem("broken link: no heading or cell on this page has the anchor #\(anchor)\(suggestion(anchor, links.anchors))")
                    }
                    continue
                }
                let target = decodedFile.hasPrefix("/") ? decodedFile : Paths.absolute(folder + "/" + decodedFile)
                let kind = link.isImage ? "image" : "link"
                guard FileManager.default.fileExists(atPath: target) else {
                    problem("broken \(kind): \(decodedFile) does not exist (paths are relative to the chapter's folder)")
                    continue
                }
                if decodedFile.hasSuffix(".md") && !link.isImage {
                    if let pages, !pages.contains(target) {
                        problem("broken link: \(decodedFile) is not a chapter of the book (add it to SUMMARY.md), so it has no page")
                        continue
                    }
                    if let anchor, let targetAnchors = anchors(of: target), !targetAnchors.contains(anchor) {
                        problem("broken link: \(decodedFile) has no heading or cell with the anchor #\(anchor)\(suggestion(anchor, targetAnchors))")
                    }
                    continue
                }
                guard target.hasPrefix(carried + "/") else {
                    problem("broken \(kind): \(decodedFile) is outside the book's folder, so the site cannot carry it")
                    continue
                }
                report.assets.insert(String(target.dropFirst(carried.count + 1)))
            }
        }
        return report
    }

    /// A link that leaves the book: a scheme (`https:`, `mailto:`) or a network path (`//host`).
    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && !scheme.contains("/")
    }

    private static func suggestion(_ anchor: String, _ anchors: Set<String>) -> String {
        let near = anchors.sorted().filter { $0.hasPrefix(String(anchor.prefix(3))) }.prefix(3)
        return near.isEmpty ? "" : " (did you mean " + near.map { "#" + $0 }.joined(separator: ", ") + "?)"
    }
}

extension LinkCheck {
    /// Checks chapters gathered from anywhere (`primer check`'s paths): those in a folder with a
    /// `SUMMARY.md` are checked against that book's chapters, the others against the files.
    public static func run(loose chapters: [Chapter]) -> Report {
        var report = Report()
        let byFolder = Dictionary(grouping: chapters, by: \.folder)
        for folder in byFolder.keys.sorted() {
            let book = FileManager.default.fileExists(atPath: folder + "/SUMMARY.md")
                ? (try? Book.load(folder: folder)).map { Set($0.chapters.map(\.path)) } : nil
            let part = run(byFolder[folder]!, book: book, root: folder)
            report.problems += part.problems
            report.external += part.external
            report.assets.formUnion(part.assets)
        }
        return report
    }

    /// One line about the external links, or each of them with `explain`.
    public static func externalSummary(_ external: [External], explain: Bool) -> [String] {
        guard !external.isEmpty else { return [] }
        if explain { return external.map { "\($0.path):\($0.line): external link (not checked): \($0.url)" } }
        return ["external links: \(external.count), not checked (--explain lists them)"]
    }
}
