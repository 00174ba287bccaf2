import Foundation
import PrimerKit

/// The push channel to every open page: each subscriber (one per browser tab) gets every
/// event from the moment it subscribes, starting with the current state.
///
///     let channel = LiveChannel()
///     for await text in channel.subscribe() { … }      // in the event-stream response
///     channel.send(.reload(pages: ["01-intro.html"]))   // from the builder
public final class LiveChannel: Sendable {
    private struct Subscribers {
        var streams: [UUID: AsyncStream<String>.Continuation] = [:]
        var state = LiveState()
        var closed = false
    }

    private let subscribers = Locked(Subscribers())

    public init() {}

    /// A stream of `text/event-stream` chunks; it ends when the channel closes.
    public func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(256))
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.streams.removeValue(forKey: id) }
        }
        let open = subscribers.withLock { subscribers -> Bool in
            guard !subscribers.closed else { return false }
            // A comment line first: the browser knows at once that the stream is open.
            continuation.yield(": primer\n\n" + LiveEvent.state(subscribers.state).serverSentEvent)
            subscribers.streams[id] = continuation
            return true
        }
        // Finished outside the lock: finishing runs `onTermination`, which takes it.
        if !open { continuation.finish() }
        return stream
    }

    /// Sends an event to every subscriber; a `.state` event also becomes the current state.
    public func send(_ event: LiveEvent) {
        subscribers.withLock { subscribers in
            if case .state(let state) = event { subscribers.state = state }
            if case .building = event { subscribers.state.building = true }
            let text = event.serverSentEvent
            for continuation in subscribers.streams.values { continuation.yield(text) }
        }
    }

    /// The state sent to pages that connect now.
    public var state: LiveState { subscribers.withLock { $0.state } }

    /// How many pages are connected.
    public var subscriberCount: Int { subscribers.withLock { $0.streams.count } }

    /// Ends every stream; later subscribers get an empty one.
    public func close() {
        let streams = subscribers.withLock { subscribers -> [AsyncStream<String>.Continuation] in
            subscribers.closed = true
            defer { subscribers.streams = [:] }
            return Array(subscribers.streams.values)
        }
        streams.forEach { $0.finish() }
    }
}
