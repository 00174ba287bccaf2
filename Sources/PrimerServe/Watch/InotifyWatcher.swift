import Foundation
import PrimerKit
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (and their subfolders, including ones created later) with Linux's inotify.
///
///     let watcher = try InotifyWatcher(folders: ["/book"]) { paths in print(paths) }
///     watcher.stop()
public final class InotifyWatcher: FileWatcher {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    private let descriptor: Int32
    private let onChange: ChangeHandler
    /// Watch descriptor → the folder it watches.
    private let folders = Locked<[Int32: String]>([:])
    private let stopping = Locked(false)
    private let ended = DispatchSemaphore(value: 0)

    /// What a save, a rename, a creation or a deletion looks like to inotify.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                     | IN_DELETE_SELF | IN_ATTRIB)

    public init(folders roots: [String], onChange: @escaping ChangeHandler) throws {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw Unavailable(description: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        self.onChange = onChange
        for root in roots { FileWatchers.folders(under: root).forEach(addWatch) }
        if folders.withLock({ $0.isEmpty }) {
            close(descriptor)
            throw Unavailable(description: "inotify could not watch \(roots.joined(separator: ", "))")
        }
        let thread = Thread { [self] in readLoop(); ended.signal() }
        thread.name = "primer-inotify"
        thread.start()
    }

    public func stop() {
        let first = stopping.withLock { stopping -> Bool in defer { stopping = true }; return !stopping }
        guard first else { return }
        ended.wait()
        close(descriptor)
    }

    private func addWatch(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR))
        if watch >= 0 { folders.withLock { $0[watch] = folder } }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopping.withLock({ $0 }) {
            var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // A short timeout, so that `stop` is noticed quickly without a second descriptor.
            guard poll(&pending, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let paths = buffer.withUnsafeBytes { decode($0.prefix(count)) }
            if !paths.isEmpty && !stopping.withLock({ $0 }) { onChange(paths) }
        }
    }

    /// The changed paths in a buffer of inotify events; new folders get their own watch.
    private func decode(_ bytes: UnsafeRawBufferPointer.SubSequence) -> [String] {
        var paths: [String] = []
        var offset = bytes.startIndex
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.endIndex {
            let event = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + headerSize]).loadUnaligned(as: inotify_event.self)
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.endIndex, offset + headerSize + Int(event.len))]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + Int(event.len)
            guard let folder = folders.withLock({ $0[event.wd] }) else { continue }
            if event.mask & UInt32(IN_IGNORED) != 0 { folders.withLock { _ = $0.removeValue(forKey: event.wd) }; continue }
            let path = name.isEmpty ? folder : folder + "/" + name
            if event.mask & UInt32(IN_ISDIR) != 0 {
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") {
                    FileWatchers.folders(under: path).forEach(addWatch)
                }
                continue
            }
            paths.append(path)
        }
        return paths
    }
}
