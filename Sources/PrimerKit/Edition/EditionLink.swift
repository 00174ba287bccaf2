import Foundation

/// Another edition of the book a site page belongs to, as its language switcher links to it.
///
///     EditionLink(language: "zh-Hans", name: "中文", folderFromHere: "../zh/",
///                 pages: ["/course/Chapters/03-x.md": "03-x.html"])
public struct EditionLink: Equatable, Sendable {
    /// The edition's BCP-47 tag (`hreflang`).
    public var language: String
    /// The language's name for itself: what the switcher shows.
    public var name: String
    /// The edition's folder relative to a page of this one, ending in `/`.
    public var folderFromHere: String
    /// The edition's page for each chapter, by `Editions.originKey`.
    public var pages: [String: String]
}
