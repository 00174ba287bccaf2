import Foundation

/// Reads why a chapter program stopped: the Swift runtime's message on stderr and the
/// backtracer's frames, which carry `chapter.md:LINE:COL` thanks to `#sourceLocation`.
enum RuntimeFailure {
    /// Lines the backtracer adds to stderr; they are noise in a cell's output.
    static func isBacktracerNoise(_ line: Substring) -> Bool {
        line.hasPrefix("*** Signal ") || line.hasPrefix("*** Program crashed") || line.hasPrefix("💣 Program crashed")
            || line == " done ***" || line.hasPrefix("swift-runtime: failed to suspend thread")
    }

    /// Removes backtracer noise from a cell's stderr items.
    static func cleaned(_ outputs: [CellOutput]) -> [CellOutput] {
        outputs.compactMap { output in
            guard case .stderr(let text) = output else { return output }
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !isBacktracerNoise($0) }.map(withoutEngineLocation)
            var joined = kept.joined(separator: "\n")
            while joined.hasSuffix("\n\n") { joined.removeLast() }
            return joined.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : .stderr(joined)
        }
    }

    /// `DeepLearning/ShapeErrors.swift:4: Fatal error: …` → `Fatal error: …`: where inside an
    /// engine the trap was raised means nothing to a learner; the chapter line is reported.
    static func withoutEngineLocation(_ line: Substring) -> Substring {
        guard let range = line.range(of: ": Fatal error: ") else { return line }
        let location = line[..<range.lowerBound]
        guard location.contains(".swift:"), !location.contains(" ") else { return line }
        return "Fatal error: " + line[range.upperBound...]
    }

    /// The runtime's own message, e.g. `Index out of range` or an engine's shape error.
    static func message(fromStderr stderr: String, termination: ChildProcess.Termination) -> String {
        for line in stderr.split(separator: "\n").reversed() {
            for marker in ["Fatal error: ", "Precondition failed: ", "Assertion failed: ", "Fatal error", "Precondition failed", "Assertion failed"] {
                if let range = line.range(of: marker) {
                    let rest = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    let label = marker.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
                    return rest.isEmpty ? label : rest
                }
            }
        }
        switch termination {
        case .signaled(let signal): return "the program was killed by signal \(signal) (\(signalName(signal)))"
        case .exited(let code): return "the program exited with status \(code) in this cell (did the cell call exit()?)"
        }
    }

    /// Frames of the backtrace that point into the chapter, innermost first.
    static func chapterFrames(in backtrace: String, chapterPath: String) -> [(line: Int, column: Int)] {
        var frames: [(Int, Int)] = []
        // The backtracer names the file as the compiler resolved it: absolute, from the
        // directory swiftc ran in.
        let absolute = chapterPath.hasPrefix("/") ? chapterPath
            : (FileManager.default.currentDirectoryPath + "/" + chapterPath)
        let needles = [" at \(chapterPath):", " at \((absolute as NSString).standardizingPath):"]
        for line in backtrace.split(separator: "\n") {
            guard let range = needles.lazy.compactMap({ line.range(of: $0) }).first else { continue }
            let parts = line[range.upperBound...].split(separator: ":")
            if let l = parts.first.flatMap({ Int($0) }) {
                let c = parts.dropFirst().first.flatMap { Int($0.prefix(while: \.isNumber)) } ?? 1
                frames.append((l, c))
            }
        }
        return frames
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: return "SIGILL, a Swift runtime trap"
        case 5: return "SIGTRAP, a Swift runtime trap"
        case 6: return "SIGABRT"
        case 7: return "SIGBUS"
        case 8: return "SIGFPE, arithmetic error"
        case 9: return "SIGKILL, possibly out of memory"
        case 11: return "SIGSEGV, invalid memory access"
        case 24: return "SIGXCPU, over its CPU-time limit"
        default: return "signal \(signal)"
        }
    }
}
