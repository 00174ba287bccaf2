import Foundation

/// Tells which files changed under some folders. Two kinds: `InotifyWatcher` (Linux's inotify:
/// the kernel says what changed, at once) and `PollingWatcher` (compares the folders' files
/// every few hundred milliseconds; for file systems where inotify says nothing, such as some
/// network and container mounts).
///
/// A watcher reports absolute paths of files that were written, created, renamed to or from,
/// or deleted, in batches, on its own thread. Several reports for one save (an editor that
/// writes a temporary file and renames it) are normal: put a `ChangeDebouncer` behind it.
///
///     let watcher = try FileWatcher.make(folders: ["/book"], polling: false) { paths in print(paths) }
///     …
///     watcher.stop()          // the thread ends before stop returns
public protocol FileWatcher: AnyObject, Sendable {
    /// Stops watching; no report is delivered after it returns.
    func stop()
}

/// What a watcher calls with each batch of changed paths.
public typealias ChangeHandler = @Sendable ([String]) -> Void

public enum FileWatchers {
    /// An inotify watcher, or a polling one when asked for or when inotify is not available.
    public static func make(folders: [String], polling: Bool, onChange: @escaping ChangeHandler) throws -> any FileWatcher {
        if !polling, let watcher = try? InotifyWatcher(folders: folders, onChange: onChange) { return watcher }
        return PollingWatcher(folders: folders, onChange: onChange)
    }

    /// The folders under `root` worth watching: itself and every subfolder whose name does not
    /// start with a dot (`.primer-cache`, `.git`, a site's staging folder are left out).
    static func folders(under root: String) -> [String] {
        var found = [root]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return found }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = root + "/" + name
            var isDirectory: ObjCBool = false
            // Symbolic links to folders are not followed: a loop would never end.
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType == .typeDirectory,
                  FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            found += folders(under: path)
        }
        return found
    }
}
