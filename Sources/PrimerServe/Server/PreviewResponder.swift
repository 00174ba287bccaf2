import Foundation
import Hummingbird

/// Answers the preview's requests: site files (HTML pages get the live script injected, so
/// the script is in served pages only, never in `primer build`'s output), the event stream at
/// `/__primer/events` and the script at `/__primer/live.js`. Paths outside the site are
/// refused with 403 (see `SitePath`).
///
///     let responder = PreviewResponder(site: SitePath(root: "_site"), channel: channel)
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    static let eventsPath = "/__primer/events"
    static let scriptPath = "/__primer/live.js"
    /// What goes before `</body>` in every served page.
    static let scriptTag = "<script src=\"\(scriptPath)\"></script>\n"

    let site: SitePath
    let channel: LiveChannel

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD.\n")
        }
        let path = request.uri.path
        if path == Self.eventsPath { return events() }
        if path == Self.scriptPath {
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.live_js)))
        }
        switch site.resolve(path) {
        case .refused: return Self.text(.forbidden, "Refused: the path is outside the site.\n")
        case .notFound: return Self.text(.notFound, "Not found: \(path)\n")
        case .file(let file):
            guard var bytes = FileManager.default.contents(atPath: file) else { return Self.text(.notFound, "Not found: \(path)\n") }
            let type = SitePath.contentType(of: file)
            if file.hasSuffix(".html") { bytes = Self.injectingScript(into: bytes) }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The page with the live script before its last `</body>` (or at its end).
    static func injectingScript(into page: Data) -> Data {
        var text = String(decoding: page, as: UTF8.self)
        if let end = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: scriptTag, at: end.lowerBound)
        } else {
            text += scriptTag
        }
        return Data(text.utf8)
    }

    private func events() -> Response {
        let channel = self.channel
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: .init { writer in
                            for await text in channel.subscribe() {
                                try await writer.write(ByteBuffer(string: text))
                            }
                            try await writer.finish(nil)
                        })
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}
