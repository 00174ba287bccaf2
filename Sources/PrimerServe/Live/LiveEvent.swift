import Foundation

/// What the preview tells the pages it serves, as Server-Sent Events. `page` is a site page
/// name (`02-next.html`); `cell` is the 1-based cell number of the page (`#cell-3`).
///
///     LiveEvent.reload(pages: ["02-next.html"]).serverSentEvent
///     // "event: reload\ndata: {\"pages\":[\"02-next.html\"]}\n\n"
public enum LiveEvent: Equatable, Sendable {
    /// The book is being built again after a change.
    case building
    /// A chapter's program is being compiled.
    case compiling(page: String)
    /// A chapter is running `cell`.
    case running(page: String, cell: Int)
    /// A running cell's latest progress line or printed line.
    case progress(page: String, cell: Int, text: String)
    /// The build is done; these pages changed and should be shown again.
    case reload(pages: [String])
    /// The state after a build (sent to every page that connects, too): what failed, where.
    case state(LiveState)

    public var name: String {
        switch self {
        case .building: return "building"
        case .compiling: return "compiling"
        case .running: return "running"
        case .progress: return "progress"
        case .reload: return "reload"
        case .state: return "state"
        }
    }

    /// The event in the `text/event-stream` format: one `event:` line, one `data:` line of JSON.
    public var serverSentEvent: String {
        "event: \(name)\ndata: \(json)\n\n"
    }

    private var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data: Data?
        switch self {
        case .building: data = try? encoder.encode([String: String]())
        case .compiling(let page): data = try? encoder.encode(["page": page])
        case .running(let page, let cell): data = try? encoder.encode(Running(page: page, cell: cell))
        case .progress(let page, let cell, let text): data = try? encoder.encode(Progress(page: page, cell: cell, text: text))
        case .reload(let pages): data = try? encoder.encode(["pages": pages])
        case .state(let state): data = try? encoder.encode(state)
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private struct Running: Encodable { var page: String; var cell: Int }
    private struct Progress: Encodable { var page: String; var cell: Int; var text: String }
}

/// Where the book stands after its latest build.
public struct LiveState: Codable, Equatable, Sendable {
    /// A build is under way.
    public var building: Bool
    /// Why the book itself could not be read (a missing chapter in `SUMMARY.md`, bad `book.json`).
    public var bookError: String?
    public var failures: [LiveFailure]

    public init(building: Bool = false, bookError: String? = nil, failures: [LiveFailure] = []) {
        self.building = building; self.bookError = bookError; self.failures = failures
    }
}

/// A failure on a page: at a cell (`cell` is its number) or of the whole chapter (`cell` nil).
public struct LiveFailure: Codable, Equatable, Sendable {
    public var page: String
    public var cell: Int?
    /// `path:line:col` in the chapter file.
    public var location: String
    public var kind: String
    public var message: String

    public init(page: String, cell: Int?, location: String, kind: String, message: String) {
        self.page = page; self.cell = cell; self.location = location; self.kind = kind; self.message = message
    }
}
