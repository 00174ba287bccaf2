import Foundation

/// The site's look: a stylesheet, a script and the HTML skeleton of every page, written as
/// real files in `Sources/PrimerKit/Theme/` and embedded in Primer at build time, so that
/// building a site needs nothing at run time. A book overrides any of them with a file of the
/// same name in its `theme/` folder (as mdBook's `theme/` does).
///
///     let theme = SiteTheme.load(book: "Chapters")
///     theme.page(language: "en", title: "Tensors", head: "", body: "<main>…</main>")
struct SiteTheme: Sendable {
    /// The stylesheet, `assets/primer.css` on the site (figures' and math's rules are added).
    var stylesheet: String
    /// The page script, `assets/primer.js`.
    var script: String
    /// The page skeleton with `{{language}}`, `{{title}}`, `{{head}}` and `{{body}}` slots.
    var skeleton: String

    /// The files a book may override, by name in its `theme/` folder.
    static let fileNames = ["primer.css", "primer.js", "page.html"]

    static let builtIn = SiteTheme(stylesheet: text(PackageResources.primer_css),
                                   script: text(PackageResources.primer_js),
                                   skeleton: text(PackageResources.page_html))

    /// The built-in theme with whatever the book's `theme/` folder replaces.
    static func load(book folder: String) -> SiteTheme {
        var theme = builtIn
        let directory = folder + "/theme/"
        func override(_ name: String) -> String? {
            FileManager.default.contents(atPath: directory + name).map { String(decoding: $0, as: UTF8.self) }
        }
        if let css = override("primer.css") { theme.stylesheet = css }
        if let js = override("primer.js") { theme.script = js }
        if let html = override("page.html") { theme.skeleton = html }
        return theme
    }

    /// A whole page. Values are inserted as given: the caller escapes `title` and `language`.
    func page(language: String, title: String, head: String, body: String) -> String {
        // One pass over the skeleton, so that a slot's text that looks like a slot stays text.
        var out = ""
        var rest = Substring(skeleton)
        let values = ["language": language, "title": title, "head": head, "body": body]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { rest = rest[open.lowerBound...]; break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            out += values[name] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
