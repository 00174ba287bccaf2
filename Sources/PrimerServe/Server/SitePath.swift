import Foundation

/// Maps a request's path to a file inside the site folder, or refuses it. Refused: `..` in
/// any spelling (`%2e%2e`, an encoded `/` as `%2f`), empty or absolute components (`//etc`),
/// backslashes, NUL bytes, hidden files, and any path whose real location (after symbolic
/// links) is outside the site folder.
///
///     let site = SitePath(root: "/tmp/site")
///     site.resolve("/02-next.html")           // .file("/tmp/site/02-next.html")
///     site.resolve("/")                       // .file("/tmp/site/index.html")
///     site.resolve("/%2e%2e/etc/passwd")      // .refused
public struct SitePath: Sendable {
    public enum Resolution: Equatable, Sendable {
        case file(String)
        case notFound
        case refused
    }

    /// The site folder, absolute.
    public let folder: String

    public init(root: String) {
        folder = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// The site folder with symbolic links resolved (looked up on each request: the folder may
    /// not exist until the first build is written).
    public var root: String { URL(fileURLWithPath: folder).resolvingSymlinksInPath().path }

    public func resolve(_ rawPath: String) -> Resolution {
        let root = self.root
        let withoutQuery = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard withoutQuery.hasPrefix("/"), let decoded = withoutQuery.removingPercentEncoding else { return .refused }
        if decoded.contains("\0") || decoded.contains("\\") { return .refused }
        var components = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if components.last == "" { components.removeLast(); components.append("index.html") }
        if components.isEmpty { components = ["index.html"] }
        for component in components where component.isEmpty || component == "." || component == ".." || component.hasPrefix(".") {
            return .refused
        }
        let candidate = root + "/" + components.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
        let file = isDirectory.boolValue ? candidate + "/index.html" : candidate
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard real.hasPrefix(root + "/") else { return .refused }
        return FileManager.default.fileExists(atPath: real) ? .file(real) : .notFound
    }

    /// The content type of a site file, by extension.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "ttf": return "font/ttf"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
