import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, for the preview server's tests: it sends
/// the request target exactly as given (`/%2e%2e/x`, which URL libraries would normalise) and
/// reads until the answer holds what the test waits for.
///
///     let client = try LoopbackHTTP(port: 4000)
///     let answer = try client.get("/index.html")
final class LoopbackHTTP {
    struct Failure: Error { var message: String }

    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(message: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); throw Failure(message: "connect: \(String(cString: strerror(errno)))") }
    }

    deinit { close(socket) }

    /// Sends a GET for `target` and returns everything read until `done` holds for it, the
    /// server closes, or `timeout` passes.
    func get(_ target: String, timeout: TimeInterval = 5, until done: (String) -> Bool = { _ in false }) throws -> String {
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
        return read(timeout: timeout, until: done)
    }

    /// Reads more of the answer, until `done` holds for all read so far.
    func read(timeout: TimeInterval, until done: (String) -> Bool) -> String {
        var received = Data()
        let deadline = Date() + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var pending = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&pending, 1, 50) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            if done(String(decoding: received, as: UTF8.self)) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// The status code of an answer (`HTTP/1.1 403 Forbidden` → 403).
    static func status(_ answer: String) -> Int {
        Int(answer.split(separator: " ", maxSplits: 2).dropFirst().first ?? "") ?? 0
    }
}
