import Foundation
import PrimerWire
#if canImport(Glibc)
import Glibc
#endif

/// What a running program reports, as it arrives (the chapter runner puts it in order).
enum ProgramEvent {
    case cellBegan(Int)
    case output(Int, CellOutput)
    case cellEnded(Int)
    /// An inline value's text, sent while `cell` ran (-1 before the first cell).
    case inlineValue(cell: Int, index: Int, text: String)
}

/// Runs a compiled chapter program and attributes everything it prints to the cell that
/// printed it, live.
///
/// Both streams carry in-band `WireRecord`s that mark where each cell begins and ends; a
/// per-run secret token makes them unforgeable. Each cell has a timeout; on expiry the whole
/// process group is killed. When the program itself ends, its process group is killed too and
/// the pipes are drained for at most `drainSeconds`: a process a cell left behind can neither
/// outlive the chapter nor hold the run open by keeping the pipes. Output beyond `limits` is
/// counted but not kept.
struct ProgramExecutor {
    struct Limits {
        /// Bytes of text kept per cell (stdout and stderr together).
        var bytesPerCell = 1 << 20
        /// Bytes of text and rich payloads kept for the whole run.
        var bytesPerRun = 32 << 20
    }

    /// What a run produced, per cell index.
    struct Outcome {
        var outputs: [Int: [CellOutput]] = [:]
        var began: Set<Int> = []
        var ended: Set<Int> = []
        var termination: ChildProcess.Termination = .exited(0)
        /// The cell whose timeout expired, if any.
        var timedOutCell: Int?
        /// The cell that was running when the program stopped (began, never ended).
        var lastBegun: Int?
        var backtrace: String = ""
        var seconds: [Int: Double] = [:]
        /// The texts of the chapter's inline values, by index.
        var inlineValues: [Int: String] = [:]
        /// Set when something outside the program's process group still held its output
        /// pipes after it ended (they were closed after `drainSeconds`).
        var pipesHeldAfterEnd = false
        /// The cell that went over one of its resource limits, and which (the program was stopped).
        var exceeded: (cell: Int, limit: ExceededLimit)?
        /// The most resident memory seen while each cell ran, in bytes.
        var peakResident: [Int: Int] = [:]
    }

    var executable: String
    /// Arguments of `executable`: a launch command (`prlimit`, the sandbox) ends with the program.
    var arguments: [String] = []
    var environment: [String: String]
    /// The folder the program runs in: its chapter's folder.
    var directory: String?
    var timeouts: [Int: Double]
    var limits = Limits()
    var backtracePath: String
    /// How long the pipes are read after the program ended.
    var drainSeconds = 2.0
    /// Gives the program a control pipe on descriptor 4 (for a `CellGate`).
    var controlPipe = false
    /// Each cell's memory and CPU limits, watched while it runs (see `UsageWatch`).
    var cellLimits: [Int: ResourceLimits] = [:]
    /// The program runs under bubblewrap, which reports a signal as status 128 + signal.
    var sandboxed = false
    var onLaunch: ((ChildProcess) -> Void)?
    var onEvent: ((ProgramEvent) -> Void)?

    func run() throws -> Outcome {
        let token = WireRecord.makeToken()
        var env = environment
        env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=no,output-to=\(backtracePath)"
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: env, directory: directory,
                                     secret: token, controlPipe: controlPipe)
        onLaunch?(child)
        var state = StreamState(token: token, limits: limits, onEvent: onEvent)
        var open: [Int32: Bool] = [child.stdoutFD: true, child.stderrFD: true]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var drainDeadline: Double?
        var watch = UsageWatch(root: child.pid, limits: cellLimits)

        while open.values.contains(true) {
            var fds = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready < 0 && errno != EINTR { break }
            for p in fds where p.revents != 0 {
                let n = read(p.fd, &buffer, buffer.count)
                if n <= 0 {
                    if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    open[p.fd] = false
                    state.finish(stderr: p.fd == child.stderrFD)
                } else {
                    state.feed(Data(buffer[0..<n]), stderr: p.fd == child.stderrFD)
                }
            }
            let now = ProcessInfo.processInfo.systemUptime
            if state.outcome.timedOutCell == nil, let cell = state.runningCell, let started = state.startTimes[cell],
               now - started > (timeouts[cell] ?? CellOptions.defaultTimeout) {
                state.outcome.timedOutCell = cell
                child.killGroup()
            }
            if drainDeadline == nil, state.outcome.exceeded == nil, let exceeded = watch.check(runningCell: state.runningCell, now: now) {
                state.outcome.exceeded = exceeded
                child.killGroup()
            }
            if drainDeadline == nil, child.hasEnded {
                // The program is over: whatever it started goes too, and what they wrote is read.
                child.killGroup()
                drainDeadline = now + drainSeconds
            }
            if let deadline = drainDeadline, now > deadline {
                state.outcome.pipesHeldAfterEnd = true
                for (fd, isOpen) in open where isOpen { state.finish(stderr: fd == child.stderrFD) }
                break
            }
        }
        var outcome = state.outcome
        outcome.termination = child.wait()
        if sandboxed, case .exited(let code) = outcome.termination, code > 128, code < 128 + 32 {
            outcome.termination = .signaled(code - 128)
        }
        outcome.peakResident = watch.peakResident
        outcome.lastBegun = outcome.began.subtracting(outcome.ended).max()
        outcome.backtrace = (try? String(contentsOfFile: backtracePath, encoding: .utf8)) ?? ""
        state.closeTimes(into: &outcome)
        return outcome
    }
}

/// The decoding state of both streams of one run.
private struct StreamState {
    var outcome = ProgramExecutor.Outcome()
    var stdoutDecoder: WireDecoder
    var stderrDecoder: WireDecoder
    /// The cell each stream is currently in (-1 before the first cell).
    var stdoutCell = -1
    var stderrCell = -1
    var startTimes: [Int: Double] = [:]
    var endedOnStdout: Set<Int> = [], endedOnStderr: Set<Int> = []
    var stdoutClosed = false, stderrClosed = false
    var keptPerCell: [Int: Int] = [:]
    var droppedPerCell: [Int: Int] = [:]
    var keptTotal = 0
    /// Bytes of an incomplete UTF-8 sequence held until the next chunk, per stream.
    var stdoutCarry = Data(), stderrCarry = Data()
    let limits: ProgramExecutor.Limits
    let onEvent: ((ProgramEvent) -> Void)?

    init(token: String, limits: ProgramExecutor.Limits, onEvent: ((ProgramEvent) -> Void)?) {
        stdoutDecoder = WireDecoder(token: token)
        stderrDecoder = WireDecoder(token: token)
        self.limits = limits
        self.onEvent = onEvent
    }

    var runningCell: Int? {
        let cell = max(stdoutCell, stderrCell)
        return cell >= 0 && !outcome.ended.contains(cell) ? cell : nil
    }

    mutating func feed(_ data: Data, stderr: Bool) {
        let events = stderr ? stderrDecoder.feed(data) : stdoutDecoder.feed(data)
        handle(events, stderr: stderr)
    }

    mutating func finish(stderr: Bool) {
        let events = stderr ? stderrDecoder.finish() : stdoutDecoder.finish()
        handle(events, stderr: stderr)
        if stderr { stderrClosed = true } else { stdoutClosed = true }
        completeEnds()
        let carry = stderr ? stderrCarry : stdoutCarry
        if !carry.isEmpty { appendText(String(decoding: carry, as: UTF8.self), stderr: stderr) }
        if stderr { stderrCarry = Data() } else { stdoutCarry = Data() }
    }

    private mutating func handle(_ events: [WireDecoder.Event], stderr: Bool) {
        for event in events {
            switch event {
            case .bytes(let bytes):
                appendText(decodeUTF8(bytes, stderr: stderr), stderr: stderr)
            case .record(.cellBegan(let i)):
                if stderr { stderrCell = i } else { stdoutCell = i }
                if !outcome.began.contains(i) {
                    outcome.began.insert(i)
                    startTimes[i] = ProcessInfo.processInfo.systemUptime
                    onEvent?(.cellBegan(i))
                }
            case .record(.cellEnded(let i)):
                // A cell is over when both streams say so: then all it wrote to either is in.
                if stderr { endedOnStderr.insert(i) } else { endedOnStdout.insert(i) }
                completeEnds()
            case .record(.rich(let kind, let payload)):
                let cell = stderr ? stderrCell : stdoutCell
                if keptTotal + payload.count > limits.bytesPerRun {
                    droppedPerCell[cell, default: 0] += payload.count
                    continue
                }
                keptTotal += payload.count
                let item = CellOutput.rich(RichOutput(kind: kind, payload: payload))
                outcome.outputs[cell, default: []].append(item)
                onEvent?(.output(cell, item))
            case .record(.value(let index, let text)):
                let cell = stderr ? stderrCell : stdoutCell
                outcome.inlineValues[index] = text
                onEvent?(.inlineValue(cell: cell, index: index, text: text))
            case .oversizedRecord(let count):
                droppedPerCell[stderr ? stderrCell : stdoutCell, default: 0] += count
            }
        }
    }

    /// Marks cells as ended once both streams (or the one still open) have reported it.
    private mutating func completeEnds() {
        for i in endedOnStdout.union(endedOnStderr).sorted() where !outcome.ended.contains(i) {
            let onOut = endedOnStdout.contains(i) || stdoutClosed
            let onErr = endedOnStderr.contains(i) || stderrClosed
            guard onOut && onErr else { continue }
            outcome.ended.insert(i)
            if let start = startTimes[i] { outcome.seconds[i] = ProcessInfo.processInfo.systemUptime - start }
            onEvent?(.cellEnded(i))
        }
    }

    /// Decodes bytes as UTF-8, holding back an incomplete sequence at the end for the next chunk.
    private mutating func decodeUTF8(_ bytes: Data, stderr: Bool) -> String {
        var data = (stderr ? stderrCarry : stdoutCarry) + bytes
        var cut = data.count
        // Find where a trailing incomplete multi-byte sequence starts (at most 3 bytes back).
        var back = 0
        while back < min(3, data.count) {
            let b = data[data.startIndex + data.count - 1 - back]
            if b & 0xC0 == 0x80 { back += 1; continue }
            if b & 0xC0 == 0xC0 {
                let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                if need > back + 1 { cut = data.count - 1 - back }
            }
            break
        }
        let carry = data.suffix(from: data.startIndex + cut)
        data = data.prefix(cut)
        if stderr { stderrCarry = Data(carry) } else { stdoutCarry = Data(carry) }
        return String(decoding: data, as: UTF8.self)
    }

    private mutating func appendText(_ text: String, stderr: Bool) {
        guard !text.isEmpty else { return }
        let cell = stderr ? stderrCell : stdoutCell
        let size = text.utf8.count
        let kept = keptPerCell[cell, default: 0]
        let room = min(limits.bytesPerCell - kept, limits.bytesPerRun - keptTotal)
        var piece = text
        if size > room {
            piece = room > 0 ? String(decoding: Array(text.utf8.prefix(room)), as: UTF8.self) : ""
            droppedPerCell[cell, default: 0] += size - piece.utf8.count
        }
        guard !piece.isEmpty else { return }
        keptPerCell[cell] = kept + piece.utf8.count
        keptTotal += piece.utf8.count
        outcome.outputs[cell, default: []].appendText(piece, stderr: stderr)
        onEvent?(.output(cell, stderr ? .stderr(piece) : .stdout(piece)))
    }

    /// Adds truncation notes and times for cells that never ended.
    mutating func closeTimes(into outcome: inout ProgramExecutor.Outcome) {
        for (cell, dropped) in droppedPerCell where dropped > 0 {
            outcome.outputs[cell, default: []].append(.note("output truncated: \(ByteCount(dropped)) more were printed and not kept (Primer keeps \(ByteCount(limits.bytesPerCell)) per cell)"))
        }
        let now = ProcessInfo.processInfo.systemUptime
        for (cell, start) in startTimes where outcome.seconds[cell] == nil { outcome.seconds[cell] = now - start }
    }
}

/// A byte count for people: `1.5 MB`.
struct ByteCount: CustomStringConvertible {
    var bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }
    var description: String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1 << 20 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}
