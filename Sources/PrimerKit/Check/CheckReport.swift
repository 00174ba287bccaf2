import PrimerMarkup
import Foundation

/// Prints what `primer check` found: a line per chapter, then every failure at its
/// `path:line:col` with the chapter lines around it; GitHub annotations and JUnit XML on request.
public struct CheckReport: Sendable {
    public var style: TerminalStyle
    /// The report's words; the `path:line:col: error:` prefixes stay as editors parse them.
    public var strings: any UIStringTable

    public init(style: TerminalStyle, language: UILanguage = .en) {
        self.style = style
        strings = language.strings
    }

    /// `PASS  Chapters/a.md  1.2 s  cached`
    public func summaryLine(_ result: ChapterResult) -> String {
        let words = (pass: strings.text(.pass), fail: strings.text(.fail), cached: strings.text(.fromCache), ran: strings.text(.ran))
        let verdictWidth = max(TextWidth.of(words.pass), TextWidth.of(words.fail))
        let sourceWidth = max(TextWidth.of(words.cached), TextWidth.of(words.ran))
        let verdict = result.passed ? style.green(TextWidth.pad(words.pass, to: verdictWidth)) : style.red(TextWidth.pad(words.fail, to: verdictWidth))
        let cells = result.cells.filter { $0.status != .skipped }.count
        let time = String(format: "%6.1f s", result.seconds)
        return "\(verdict)  \(time)  \(TextWidth.pad(result.fromCache ? words.cached : words.ran, to: sourceWidth))  \(result.path)  " + style.dim(strings.cellCount(cells))
    }

    /// Every failure of a chapter with source context.
    /// Messages, details (what a cell printed, a diff) and the chapter's lines are shown, not
    /// obeyed: their control sequences are made visible (`TerminalSafeText`).
    public func failureDetails(_ result: ChapterResult, source: String?) -> String {
        var out: [String] = []
        if let error = result.chapterError {
            out.append(style.bold("\(error.path):\(error.line):\(error.column): ") + style.red("error: ") + Self.shown(error.message))
            if let source { out.append(context(source, line: error.line)) }
        }
        for (_, failure) in result.failures {
            out.append(style.bold("\(result.path):\(failure.line):\(failure.column): ") + style.red("error: ")
                       + "\(failure.kind.rawValue): \(Self.shown(failure.message))")
            out += failure.details.map { "    " + Self.shown($0) }
            if let source { out.append(context(source, line: failure.line)) }
        }
        return out.joined(separator: "\n")
    }

    /// Lines `line-2 … line+2` of `source`, numbered, with the line itself marked.
    func context(_ source: String, line: Int) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        let range = max(1, line - 2)...min(lines.count, line + 2)
        let width = String(range.upperBound).count
        return range.map { n in
            let mark = n == line ? style.red(">") : " "
            return "  \(mark) " + style.dim(TextWidth.pad(String(n), to: width, alignRight: true) + " | ") + Self.shown(String(lines[n - 1]))
        }.joined(separator: "\n")
    }

    /// Untrusted text for the report: every control sequence visible, colours too.
    static func shown(_ text: String) -> String { TerminalSafeText.neutralising(text, colour: false) }

    /// `::error file=…,line=…,col=…::message` lines for GitHub Actions.
    public static func githubAnnotations(_ result: ChapterResult) -> [String] {
        func escape(_ s: String) -> String {
            shown(s).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        var lines: [String] = []
        if let e = result.chapterError {
            lines.append("::error file=\(e.path),line=\(e.line),col=\(e.column)::\(escape(e.message))")
        }
        for (_, f) in result.failures {
            lines.append("::error file=\(result.path),line=\(f.line),col=\(f.column),title=\(f.kind.rawValue)::\(escape(f.message))")
        }
        return lines
    }

    /// JUnit XML: a test suite per chapter, a test case per cell that runs.
    /// `linkProblems`: broken links, each a failing test case of its chapter ("links").
    public static func junit(_ results: [ChapterResult], linkProblems: [LinkCheck.Problem] = []) -> String {
        func xml(_ s: String) -> String { HTMLText.escape(s) }
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let broken = Dictionary(grouping: linkProblems, by: \.path)
        let failures = results.filter { !$0.passed || broken[$0.path] != nil }.count
        out.append("<testsuites name=\"primer check\" tests=\"\(results.count)\" failures=\"\(failures)\">")
        for result in results {
            let cases = result.cells.filter { $0.status != .skipped }
            let links = broken[result.path] ?? []
            let failed = cases.filter { $0.status.isFailure }.count + (result.chapterError == nil ? 0 : 1) + (links.isEmpty ? 0 : 1)
            out.append("  <testsuite name=\"\(xml(result.path))\" tests=\"\(max(cases.count, 1))\" failures=\"\(failed)\" time=\"\(String(format: "%.3f", result.seconds))\">")
            if let e = result.chapterError {
                out.append("    <testcase classname=\"\(xml(result.path))\" name=\"parse\"><failure message=\"\(xml(e.message))\">\(xml(e.description))</failure></testcase>")
            }
            if let first = links.first {
                let text = links.map { "\($0.path):\($0.line):\($0.column): \($0.message)" }.joined(separator: "\n")
                out.append("    <testcase classname=\"\(xml(result.path))\" name=\"links\"><failure type=\"broken link\" message=\"\(xml(first.message))\">\(xml(text))</failure></testcase>")
            }
            for cell in cases {
                let name = "cell \(cell.index + 1)"
                var body = ""
                switch cell.status {
                case .failed(let f):
                    body = "<failure type=\"\(xml(f.kind.rawValue))\" message=\"\(xml(f.message))\">\(xml("\(result.path):\(f.line):\(f.column): \(f.message)\n" + f.details.joined(separator: "\n")))</failure>"
                case .notRun(let reason):
                    body = "<skipped message=\"\(xml(reason))\"/>"
                default: break
                }
                out.append("    <testcase classname=\"\(xml(result.path))\" name=\"\(name)\" time=\"\(String(format: "%.3f", cell.seconds))\">\(body)</testcase>")
            }
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }
}

