import Foundation
import Testing
@testable import PrimerKit

/// `--sandbox`: each chapter program runs under bubblewrap with no network, a read-only file
/// system but its work folder and /tmp, an empty home, its own PID namespace and a process
/// limit. Each escape attempt fails with a clear message at its cell, and the chapter's other
/// cells still run (the attempts are `expect-error` cells, so the program is re-run past them).
@Suite(.serialized) struct SandboxTests {
    /// A home folder with a fake private key, hidden by the sandbox.
    static let fakeHome: String = {
        let home = TestSupport.scratchFolder("fake-home")
        try! FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
        try! Data("not a real key\n".utf8).write(to: URL(fileURLWithPath: home + "/.ssh/id_test"))
        return home
    }()

    /// A sandboxed runner; on a machine where the sandbox cannot be set up, every test that
    /// needs it fails with `Sandbox.Unavailable`'s message (what to install or enable).
    static let prepared = Result { () throws -> ChapterRunner in
        let sandbox = try Sandbox.prepare(hiding: [fakeHome])
        return try ChapterRunner(cacheDirectory: TestSupport.scratchFolder("sandbox-cache"), sandbox: sandbox)
    }

    static func run(_ text: String, function: String = #function) throws -> ChapterResult {
        try prepared.get().run(try Chapter.load(path: TestSupport.chapter(text, function: function)), useCache: false).result
    }

    /// The message of an `expect-error` cell that failed, as it should.
    static func expectedFailure(_ result: ChapterResult, _ index: Int) -> String? {
        if case .failedAsExpected(let failure) = result.cell(index).status { return failure.message }
        return nil
    }

    @Test func aSocketToLocalhostReachesNothing() throws {
        let result = try Self.run("""
        ```swift
        print("before")
        ```

        ```swift expect-error
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(\(Self.listeningPort)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(status == 0, "connect to 127.0.0.1: " + String(cString: strerror(errno)))
        ```

        ```swift
        print("after")
        ```
        """)
        #expect(result.passed, "\(result)")
        let message = try #require(Self.expectedFailure(result, 1))
        #expect(message.contains("connect to 127.0.0.1: Connection refused"), "\(message)")
        #expect(result.cell(0).stdout == "before\n" && result.cell(2).stdout == "after\n")
    }

    /// A port that really listens on the host's 127.0.0.1 while the tests run: the sandbox's
    /// loopback is its own, so connecting to it is refused all the same.
    static let listeningPort: Int = {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(fd, 1)
        var bound = sockaddr_in(), length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: bound.sin_port))
    }()

    @Test func writingOutsideTheWorkFolderAndTmpFails() throws {
        // Outside /tmp (which is private inside) and outside the chapter's folder.
        let outside = "/var/tmp/primer-sandbox-escape-\(UUID().uuidString)"
        let result = try Self.run("""
        ```swift expect-error
        try "escaped".write(toFile: "\(outside)", atomically: false, encoding: .utf8)
        ```

        ```swift expect-error
        try "escaped".write(toFile: "chapter-folder.txt", atomically: false, encoding: .utf8)
        ```

        ```swift
        try "private".write(toFile: "/tmp/primer-sandbox-private.txt", atomically: false, encoding: .utf8)
        print(try String(contentsOfFile: "/tmp/primer-sandbox-private.txt", encoding: .utf8))
        ```
        """)
        #expect(result.passed, "\(result)")
        #expect(Self.expectedFailure(result, 0)?.contains("Read-only file system") == true, "\(result)")
        #expect(Self.expectedFailure(result, 1)?.contains("Read-only file system") == true, "\(result)")
        #expect(result.cell(2).stdout == "private\n")
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/primer-sandbox-private.txt"))
    }

    @Test func theHomeFolderIsEmptyAndTheEnvironmentIsAllowListed() throws {
        let result = try Self.run("""
        ```swift expect-error
        print(try String(contentsOfFile: "\(Self.fakeHome)/.ssh/id_test", encoding: .utf8))
        ```

        ```swift
        print(ProcessInfo.processInfo.environment.keys.sorted().joined(separator: " "))
        ```
        """)
        #expect(result.passed, "\(result)")
        #expect(Self.expectedFailure(result, 0)?.contains("id_test") == true, "\(result)")
        let names = result.cell(1).stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(!names.isEmpty)
        // PWD is set by the C library at start-up, TMPDIR by the sandbox.
        let allowed = Set(Sandbox.allowedEnvironment + ["TMPDIR", "PWD"])
        #expect(names.allSatisfy(allowed.contains), "\(names)")
    }

    @Test func otherProcessesAreInvisible() throws {
        let result = try Self.run("""
        ```swift expect-error
        let visible = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\\.isNumber) }
        precondition(visible.contains("\(getpid())"), "process \(getpid()) is not visible; /proc lists only \\(visible.count)")
        ```

        ```swift
        print("still here")
        ```
        """)
        #expect(result.passed, "\(result)")
        #expect(Self.expectedFailure(result, 0)?.contains("is not visible; /proc lists only") == true, "\(result)")
        #expect(result.cell(1).stdout == "still here\n")
    }

    @Test func aForkBombStopsAtTheProcessLimit() throws {
        let result = try Self.run("""
        <!-- primer: processes=32 -->

        ```swift expect-error
        var started = 0
        while true {
            var pid: pid_t = 0
            let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("30"), nil]
            let status = posix_spawn(&pid, "/bin/sleep", nil, nil, argv, nil)
            guard status == 0 else { fatalError("could not start process \\(started + 1): " + String(cString: strerror(status))) }
            started += 1
            precondition(started < 10_000, "the process limit did not hold")
        }
        ```

        ```swift
        print("after the bomb")
        ```
        """)
        #expect(result.passed, "\(result)")
        let message = try #require(Self.expectedFailure(result, 0), "\(result)")
        #expect(message.contains("Resource temporarily unavailable"), "\(message)")
        #expect(result.cell(1).stdout == "after the bomb\n")
    }

    @Test func cellsStillRunInTheirChaptersFolderAndReadTheirDataFiles() throws {
        let path = TestSupport.chapter("""
        <!-- primer: reads data/values.csv -->

        ```swift
        print(FileManager.default.currentDirectoryPath)
        print(try String(contentsOfFile: "data/values.csv", encoding: .utf8), terminator: "")
        ```
        """)
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try Data("1,2,3\n".utf8).write(to: URL(fileURLWithPath: folder + "/data/values.csv"))
        let result = try Self.prepared.get().run(try Chapter.load(path: path), useCache: false).result
        #expect(result.passed, "\(result)")
        #expect(result.cell(0).stdout == Paths.absolute(folder) + "\n1,2,3\n", "\(result)")
    }

    @Test func aBookThatAsksForTheSandboxGetsItFromAPlainRunner() throws {
        let path = TestSupport.chapter("""
        ```swift
        print(try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\\.isNumber) }.count < 10)
        ```
        """)
        let folder = (path as NSString).deletingLastPathComponent
        try Data(#"{"title": "Sandboxed", "sandbox": true}"#.utf8).write(to: URL(fileURLWithPath: folder + "/book.json"))
        let chapter = try Chapter.load(path: path)
        #expect(chapter.bookRequiresSandbox)
        let result = TestSupport.runner.run(chapter, useCache: false).result
        #expect(result.passed, "\(result)")
        #expect(result.cell(0).stdout == "true\n")
    }

    @Test func theCommandLineFlagTurnsItOn() throws {
        let path = TestSupport.chapter("""
        ```swift
        precondition(ProcessInfo.processInfo.environment["GITHUB_TOKEN"] == nil, "the token reached the program")
        let others = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\\.isNumber) }
        precondition(others.count < 10, "sees \\(others.count) processes")
        ```
        """)
        let folder = (path as NSString).deletingLastPathComponent
        let run = try TestSupport.primer(["check", "--sandbox", "--no-cache", "--cache-dir", folder + "/cache", path], in: folder,
                                         environment: ["GITHUB_TOKEN": "secret"])
        #expect(run.status == 0, "\(run.output)")
        let plain = try TestSupport.primer(["check", "--no-cache", "--cache-dir", folder + "/cache", path], in: folder)
        #expect(plain.status == 1, "\(plain.output)")   // unsandboxed, it sees every process
    }

    @Test func withoutBubblewrapPrimerRefusesAndSaysWhatToInstall() {
        #expect {
            _ = try Sandbox.prepare(bubblewrap: "/nonexistent/bwrap")
        } throws: { error in
            "\(error)".contains("scripts/bootstrap.sh --sandbox") && "\(error)".contains("does not run chapters unsandboxed")
        }
    }

    @Test func theCommandLineHidesTheHomeBeforeBindingWhatTheProgramNeeds() throws {
        let sandbox = Sandbox(bubblewrap: "/usr/bin/bwrap", hiddenFolders: ["/home/learner"])
        let layout = Sandbox.Layout(work: "/home/learner/course/.primer-cache/work/1", chapterFolder: "/home/learner/course",
                                    readable: ["/opt/swift", "/"], dataFiles: ["/home/learner/.ssh/id_rsa", "/home/learner/course/data/a.csv"])
        let argv = ProgramLaunch.command(executable: layout.work + "/chapter", backstop: ResourceLimits(memoryBytes: 1 << 30, cpuSeconds: 100, processes: 64),
                                         sandbox: sandbox, layout: layout)
        let bwrap = try #require(argv.firstIndex(of: "/usr/bin/bwrap"))
        let separator = try #require(argv[bwrap...].firstIndex(of: "--"))
        let options = Array(argv[bwrap..<separator])
        for flag in ["--unshare-all", "--die-with-parent", "--new-session"] { #expect(options.contains(flag)) }
        let home = try #require(options.firstIndex(of: "/home/learner"))
        let chdir = try #require(options.firstIndex(of: "--chdir"))
        #expect(options[chdir + 1] == layout.chapterFolder)
        let chapter = try #require(options[..<chdir].lastIndex(of: "/home/learner/course"))
        let work = try #require(options[..<chdir].lastIndex(of: layout.work))
        #expect(options[home - 1] == "--tmpfs" && home < chapter && chapter < work)
        #expect(!options.contains("/home/learner/.ssh/id_rsa"))
        #expect(options.contains("/opt/swift") && options.contains("/home/learner/course/data/a.csv"))
        #expect(options.filter { $0 == "/" }.count == 2)   // only `--ro-bind / /`
        let program = Array(argv[(separator + 1)...])
        #expect(program.last == layout.work + "/chapter")
        #expect(program.contains("--data=\(1 << 30)") && program.contains("--cpu=100") && program.contains("--nproc=64"))
        let unsandboxed = ProgramLaunch.command(executable: "/w/chapter", backstop: ResourceLimits(memoryBytes: 1 << 30, processes: 64), sandbox: nil, layout: nil)
        #expect(!unsandboxed.contains { $0.hasPrefix("--nproc") } && unsandboxed.last == "/w/chapter")
        #expect(Sandbox.environment(from: ["PATH": "/bin", "GITHUB_TOKEN": "x", "SSH_AUTH_SOCK": "/s", "AWS_SECRET_ACCESS_KEY": "k"])
                == ["PATH": "/bin", "TMPDIR": "/tmp"])
    }

    @Test func dataFilesInsideAHiddenHomeAreNotReboundForAChapterOutsideIt() {
        let sandbox = Sandbox(bubblewrap: "/usr/bin/bwrap", hiddenFolders: ["/home/learner"])
        #expect(!sandbox.mayBind(dataFile: "/home/learner/.ssh/id_rsa", chapterFolder: "/course"))
        #expect(!sandbox.mayBind(dataFile: "/home/learner/.ssh/id_rsa", chapterFolder: "/home/learner/course"))
        #expect(sandbox.mayBind(dataFile: "/home/learner/course/data.csv", chapterFolder: "/home/learner/course"))
        #expect(!sandbox.mayBind(dataFile: "/", chapterFolder: "/course"))
        #expect(!sandbox.mayBind(dataFile: "/home", chapterFolder: "/course"))
        #expect(sandbox.mayBind(dataFile: "/srv/data.csv", chapterFolder: "/course"))
        #expect(sandbox.containsHidden("/") && sandbox.containsHidden("/home") && !sandbox.containsHidden("/opt/swift"))
    }
}
