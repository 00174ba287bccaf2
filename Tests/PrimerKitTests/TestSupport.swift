import Foundation
@testable import PrimerKit

/// Fixtures, scratch folders and one shared runner for the end-to-end tests.
enum TestSupport {
    /// The folder with the fixture chapters.
    static var fixtures: String {
        Bundle.module.resourcePath! + "/Fixtures"
    }

    /// A fresh empty folder under the system's temporary folder.
    static func scratchFolder(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "primer-tests/\(safe)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies fixture `name` into a scratch folder and returns the copy's path.
    static func copyFixture(_ name: String, into folder: String? = nil) -> String {
        let destination = (folder ?? scratchFolder(name)) + "/" + name
        try? FileManager.default.removeItem(atPath: destination)
        try! FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: destination)
        return destination
    }

    /// Writes `text` as a chapter file in a scratch folder.
    static func chapter(_ text: String, name: String = "chapter.md", function: String = #function) -> String {
        let path = scratchFolder(function) + "/" + name
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// One runner for all tests (the engines are built once, on first use).
    static let runner: ChapterRunner = {
        try! ChapterRunner(cacheDirectory: scratchFolder("cache"))
    }()

    /// A runner with its own cache folder.
    static func runner(cache: String) -> ChapterRunner {
        try! ChapterRunner(cacheDirectory: cache)
    }

    /// Runs a chapter file without the cache.
    static func run(_ path: String) throws -> ChapterResult {
        runner.run(try Chapter.load(path: path), useCache: false).result
    }

    /// The `primer` executable built beside the tests.
    static var primerExecutable: String {
        let root = runner.toolchain.packageRoot
        for candidate in [root + "/.build/debug/primer", root + "/.build/release/primer"]
            where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return root + "/.build/debug/primer"
    }

    /// Runs `primer` with arguments in `directory`; returns exit status and output.
    static func primer(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let result = try Shell.run(primerExecutable, arguments, environment: primerEnvironment(environment),
                                   directory: directory)
        return (result.status, result.output)
    }

    /// The environment `primer` runs with in tests: ours, plus where the package is.
    static func primerEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["PRIMER_HOME"] = runner.toolchain.packageRoot
        env["NO_COLOR"] = "1"
        env["PRIMER_STATE_DIR"] = scratchFolder("state")   // a learner's progress never lands in the real home
        for (k, v) in extra { env[k] = v }
        return env
    }
}

extension ChapterResult {
    func cell(_ index: Int) -> CellResult { cells.first { $0.index == index }! }
}

extension CellResult {
    var stdout: String { outputs.printedText }
    var stderr: String {
        outputs.compactMap { if case .stderr(let s) = $0 { return s } else { return nil } }.joined()
    }
    var failure: CellFailure? {
        switch status {
        case .failed(let f), .failedAsExpected(let f): return f
        default: return nil
        }
    }
}
