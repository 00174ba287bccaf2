import Foundation
import Hummingbird
import Logging
import NIOCore
import PrimerKit

/// The preview's HTTP server (Hummingbird): serves a site folder and the live channel on one
/// address. `start` returns once the server listens, with the port it got (ask for port 0 to
/// get a free one, as tests do); a port in use is an error that says so.
///
///     let server = try await PreviewServer.start(site: "_site", channel: channel, host: "127.0.0.1", port: 4000)
///     print(server.url)          // http://127.0.0.1:4000/
///     await server.stop()
public final class PreviewServer: Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public let host: String
    public let port: Int
    private let task: Task<Void, Error>
    private let channel: LiveChannel

    private init(host: String, port: Int, task: Task<Void, Error>, channel: LiveChannel) {
        self.host = host; self.port = port; self.task = task; self.channel = channel
    }

    public var url: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    public static func start(site: String, channel: LiveChannel, host: String, port: Int) async throws -> PreviewServer {
        var logger = Logger(label: "primer.serve")
        logger.logLevel = .error
        let responder = PreviewResponder(site: SitePath(root: site), channel: channel)
        let started = StartSignal()
        let application = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in started.resume(.success(channel.localAddress?.port ?? port)) },
            logger: logger)
        let task = Task<Void, Error> {
            do { try await application.run() } catch {
                started.resume(.failure(StartError(description: Self.explain(error, host: host, port: port))))
                throw error
            }
            started.resume(.failure(StartError(description: "the server at \(host):\(port) stopped before it started")))
        }
        let bound = try await started.wait()
        return PreviewServer(host: host, port: bound, task: task, channel: channel)
    }

    /// Ends the event streams, then the server; returns when it has stopped listening.
    public func stop() async {
        channel.close()
        task.cancel()
        _ = try? await task.value
    }

    static func explain(_ error: Error, host: String, port: Int) -> String {
        if let io = error as? IOError, io.errnoCode == EADDRINUSE {
            return "port \(port) on \(host) is in use (another `primer serve`?); stop it or choose another port with --port"
        }
        return "could not listen on \(host):\(port): \(error)"
    }
}

/// The server's first word: the port it listens on, or why it could not start. Whichever of
/// `resume` and `wait` comes first, the waiter gets the first result.
private final class StartSignal: Sendable {
    private struct State {
        var result: Result<Int, Error>?
        var waiter: CheckedContinuation<Int, Error>?
    }
    private let state = Locked(State())

    func resume(_ result: Result<Int, Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<Int, Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<Int, Error>? in
                if let result = state.result { return result }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
