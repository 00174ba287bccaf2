import Foundation

/// Where Primer's own package and the Swift toolchain are.
public struct Toolchain: Sendable {
    /// The Primer package root (the folder with Package.swift and Sources/PrimerCells).
    public var packageRoot: String
    public var swift: String
    public var swiftc: String

    public struct NotFound: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finds the package root (`PRIMER_HOME`, else the folder above the running executable's
    /// `.build`, else the current directory or one of its parents) and the toolchain on `PATH`.
    public static func discover() throws -> Toolchain {
        guard let swiftc = Shell.which("swiftc"), let swift = Shell.which("swift") else {
            throw NotFound(description: "swiftc is not on PATH; install the Swift toolchain (swift.org) and add its usr/bin to PATH")
        }
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let home = environment["PRIMER_HOME"] { candidates.append(home) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates += ancestors(of: (exe as NSString).deletingLastPathComponent)
        }
        candidates += ancestors(of: FileManager.default.currentDirectoryPath)
        guard let root = candidates.first(where: isPrimerPackage) else {
            throw NotFound(description: "cannot find Primer's package (the folder with Sources/PrimerCells); set PRIMER_HOME to it")
        }
        return Toolchain(packageRoot: root, swift: swift, swiftc: swiftc)
    }

    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = (path as NSString).standardizingPath
        while true {
            result.append(current)
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { break }
            current = parent
        }
        return result
    }

    static func isPrimerPackage(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/Package.swift")
            && FileManager.default.fileExists(atPath: path + "/Sources/PrimerCells")
    }

    /// `swiftc --version`'s first line, part of every cache key. Asking swiftc costs a process
    /// launch (0.1–0.2 s), so the answer is remembered in `.build-engines/swiftc-version`, keyed
    /// by the compiler binary's path, size and modification time.
    public func compilerVersion() -> String {
        Self.versions.withLock { cache in
            if let known = cache[swiftc] { return known }
            let identity = Self.identity(ofExecutable: swiftc)
            let stored = packageRoot + "/.build-engines/swiftc-version"
            if let identity, let text = try? String(contentsOfFile: stored, encoding: .utf8) {
                let lines = text.split(separator: "\n", maxSplits: 1).map(String.init)
                if lines.count == 2, lines[0] == identity { cache[swiftc] = lines[1]; return lines[1] }
            }
            let version = (try? Shell.run(swiftc, ["--version"]).output.split(separator: "\n").first.map(String.init)) ?? "unknown"
            if let identity, version != "unknown" {
                try? AtomicFile.write(Data((identity + "\n" + version).utf8), to: stored)
            }
            cache[swiftc] = version
            return version
        }
    }

    /// `path size mtime` of the file an executable path resolves to.
    static func identity(ofExecutable path: String) -> String? {
        let resolved = (path as NSString).resolvingSymlinksInPath
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
              let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date else { return nil }
        return "\(resolved) \(size) \(date.timeIntervalSince1970)"
    }

    private static let versions = Locked([String: String]())
}
