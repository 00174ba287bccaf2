import Foundation
import PrimerKit

/// Watches folders by comparing what is in them (size, modification time, inode) at a fixed
/// interval: the fallback where inotify is not available (`primer serve --poll`).
///
///     let watcher = PollingWatcher(folders: ["/book"], interval: 0.3) { paths in print(paths) }
///     watcher.stop()
public final class PollingWatcher: FileWatcher {
    private struct Stamp: Equatable {
        var size: Int
        var modified: Date
        var inode: Int
    }

    private let roots: [String]
    private let interval: TimeInterval
    private let onChange: ChangeHandler
    private let stopping = Locked(false)
    private let ended = DispatchSemaphore(value: 0)

    public init(folders: [String], interval: TimeInterval = 0.3, onChange: @escaping ChangeHandler) {
        roots = folders; self.interval = interval; self.onChange = onChange
        let first = snapshot()
        let thread = Thread { [self] in loop(from: first); ended.signal() }
        thread.name = "primer-polling"
        thread.start()
    }

    public func stop() {
        let first = stopping.withLock { stopping -> Bool in defer { stopping = true }; return !stopping }
        if first { ended.wait() }
    }

    private func loop(from first: [String: Stamp]) {
        var previous = first
        while !stopping.withLock({ $0 }) {
            Thread.sleep(forTimeInterval: interval)
            let current = snapshot()
            let changed = Set(previous.keys).union(current.keys).filter { previous[$0] != current[$0] }
            previous = current
            if !changed.isEmpty && !stopping.withLock({ $0 }) { onChange(changed.sorted()) }
        }
    }

    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in roots.flatMap(FileWatchers.folders(under:)) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
                stamps[path] = Stamp(size: (attributes[.size] as? Int) ?? 0,
                                     modified: (attributes[.modificationDate] as? Date) ?? .distantPast,
                                     inode: (attributes[.systemFileNumber] as? Int) ?? 0)
            }
        }
        return stamps
    }
}
