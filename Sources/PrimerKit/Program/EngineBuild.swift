import Foundation

/// The engines, built once in release for every chapter to link against.
///
/// Chapters must run fast even when Primer itself is a debug build (`swift run primer`), so
/// the first time Primer needs the engines it runs
/// `swift build -c release --product PrimerCells --scratch-path .build-engines` in its own
/// package, under a lock. A fingerprint of the engines' sources, Package.swift and the
/// compiler is stored next to the result; while it matches, Primer does not even start
/// `swift build`.
public struct EngineBuild: Sendable {
    public var toolchain: Toolchain
    /// `.build-engines` in the package root unless `PRIMER_ENGINES_DIR` says otherwise.
    public var scratchPath: String
    /// The folder with `libPrimerCells.so`.
    public var libraryDirectory: String { scratchPath + "/release" }
    public var modulesDirectory: String { libraryDirectory + "/Modules" }
    /// A short hash that changes whenever the engines change: part of every cache key.
    public private(set) var fingerprint: String = ""

    /// The source folders that make up the engine build.
    static let engineTargets = ["NumericCore", "Datasets", "DeepLearning", "ClassicalML", "PrimerWire",
                                "PrimerMarkup", "PrimerFigures", "PrimerCells", "COpenBLAS", "CZlib", "CSpinWait"]

    public init(toolchain: Toolchain) {
        self.toolchain = toolchain
        scratchPath = ProcessInfo.processInfo.environment["PRIMER_ENGINES_DIR"] ?? toolchain.packageRoot + "/.build-engines"
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Makes sure the release engines are built and current; `log` receives progress lines.
    public mutating func prepare(log: (String) -> Void) throws {
        fingerprint = computeFingerprint()
        let stampPath = scratchPath + "/primer-engines.stamp"
        if isCurrent(stampPath: stampPath) { return }
        let lock = try FileLock(path: scratchPath + "/primer-engines.lock")
        defer { lock.unlock() }
        if isCurrent(stampPath: stampPath) { return }   // another Primer built it while we waited
        log("Building the engines in release (first run, or their sources changed; a few minutes on 2 cores)…")
        let start = Date()
        let result = try Shell.run(toolchain.swift, ["build", "-c", "release", "--product", "PrimerCells",
                                                     "--package-path", toolchain.packageRoot, "--scratch-path", scratchPath],
                                   output: .passthrough)
        guard result.succeeded else {
            throw Failure(description: "building the engines failed (swift build exited with \(result.status)); see the compiler output above")
        }
        try AtomicFile.write(Data(fingerprint.utf8), to: stampPath)
        log(String(format: "Engines built in %.0f s.", Date().timeIntervalSince(start)))
    }

    private func isCurrent(stampPath: String) -> Bool {
        guard let stamp = try? String(contentsOfFile: stampPath, encoding: .utf8) else { return false }
        return stamp == fingerprint && FileManager.default.fileExists(atPath: libraryDirectory + "/libPrimerCells.so")
    }

    /// Hash of the engines' source files (names and contents), Package.swift and the compiler.
    /// Each file's own hash is remembered by its stat data (`SourceHashes`).
    func computeFingerprint() -> String {
        var hasher = SHA256()
        hasher.update(toolchain.compilerVersion())
        let root = toolchain.packageRoot
        var fileHashes = SourceHashes(memoPath: scratchPath + "/source-hashes")
        defer { fileHashes.save() }
        for file in ["Package.swift"] + Self.engineTargets.flatMap({ files(under: root + "/Sources/" + $0) }) {
            let full = file.hasPrefix("/") ? file : root + "/" + file
            hasher.update(full.dropFirst(root.count).utf8)
            hasher.update([0])
            hasher.update(fileHashes.hash(ofFile: full) ?? "unreadable")
            hasher.update([0])
        }
        return String(hasher.finalizeHex().prefix(16))
    }

    private func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(full)
            }
        }
        return result.sorted()
    }

    /// The swiftc arguments that let a chapter program import and link the cell module.
    func compilerArguments() -> [String] {
        let root = toolchain.packageRoot
        var args = ["-I", modulesDirectory, "-L", libraryDirectory, "-lPrimerCells",
                    "-Xlinker", "-rpath", "-Xlinker", libraryDirectory]
        for module in ["COpenBLAS", "CZlib", "CSpinWait"] {
            args += ["-Xcc", "-fmodule-map-file=\(root)/Sources/\(module)/module.modulemap"]
        }
        args += Self.openBLASIncludeFlags.flatMap { ["-Xcc", $0] }
        return args
    }

    /// `pkg-config --cflags openblas`, for the `cblas.h` the COpenBLAS module map includes.
    static let openBLASIncludeFlags: [String] = {
        guard let pkgConfig = Shell.which("pkg-config"),
              let result = try? Shell.run(pkgConfig, ["--cflags", "openblas"]), result.succeeded else { return [] }
        return result.output.split(whereSeparator: \.isWhitespace).map(String.init)
    }()
}
