import Foundation
import PrimerFigures
import PrimerWire

/// A cell on the page: its source, its outputs tied to it, and its failure where it happened.
struct HTMLCells {
    var chapterPath: String
    /// The book's language's words for the page chrome.
    var strings: any UIStringTable

    /// An exercise's check is not shown (only its failure, which is the author's); its solution
    /// is folded behind "Show solution".
    func render(_ cell: Cell, result: CellResult?) -> String {
        if cell.options.check {
            if case .failed(let f)? = result?.status { return "<section class=\"cell cell-check cell-failed\" id=\"cell-\(cell.index + 1)\">\n\(failure(f, expected: false))</section>" }
            return ""
        }
        if cell.options.solution {
            return "<details class=\"solution\"><summary>\(HTMLText.escape(strings.text(.showSolution)))</summary>\n\(renderCell(cell, result: result))\n</details>"
        }
        return renderCell(cell, result: result)
    }

    private func renderCell(_ cell: Cell, result: CellResult?) -> String {
        var classes = ["cell"]
        if cell.options.exercise { classes.append("cell-exercise") }
        var statusLabel = ""
        switch result?.status {
        case .failed?: classes.append("cell-failed"); statusLabel = strings.text(.failed)
        case .failedAsExpected?: classes.append("cell-expected-error"); statusLabel = strings.text(.failedAsExpected)
        case .notRun?: classes.append("cell-not-run"); statusLabel = strings.text(.notRun)
        case .skipped?: classes.append("cell-norun"); statusLabel = strings.text(.notRunNorun)
        case .passed?: statusLabel = result.map { String(format: "%.2f s", $0.seconds) } ?? ""
        case nil: classes.append("cell-not-run"); statusLabel = strings.text(.notRun)
        }
        let tags = cell.options.tags
        let header = """
        <div class="cell-header"><a class="cell-number" href="#cell-\(cell.index + 1)">[\(cell.index + 1)]</a>\
        <span class="cell-place">\(HTMLText.escape(chapterPath)):\(cell.fenceLine)</span>\
        \(tags.map { "<span class=\"cell-tag\">\(HTMLText.escape($0))</span>" }.joined())\
        <span class="cell-status">\(HTMLText.escape(statusLabel))</span></div>
        """
        let code = "<pre class=\"source\"><code class=\"language-swift\">\(HTMLCode.highlighted(cell.source))</code></pre>"
        let source = cell.options.hide ? "<details class=\"hidden-source\"><summary>\(HTMLText.escape(strings.text(.showTheCode)))</summary>\(code)</details>" : code
        var out = "<section class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.index + 1)\">\n\(header)\n\(source)\n"
        if let result {
            let outputs = result.outputs.collapsingProgress.map(output).joined(separator: "\n")
            if !outputs.isEmpty { out += "<div class=\"output\" aria-label=\"\(HTMLText.escape(strings.outputOfCell(cell.index + 1)))\">\n\(outputs)\n</div>\n" }
            switch result.status {
            case .failed(let f): out += failure(f, expected: false)
            case .failedAsExpected(let f): out += failure(f, expected: true)
            case .notRun(let reason) where !reason.isEmpty: out += "<p class=\"not-run\">\(HTMLText.escape(strings.notRunBecause(reason: reason)))</p>\n"
            default: break
            }
        }
        return out + "</section>"
    }

    func output(_ item: CellOutput) -> String {
        switch item {
        case .stdout(let text): return "<pre class=\"stdout\">\(HTMLText.escape(text))</pre>"
        case .stderr(let text): return "<pre class=\"stderr\">\(HTMLText.escape(text))</pre>"
        case .note(let text): return "<p class=\"note\">\(HTMLText.escape(text))</p>"
        case .rich(let output): return rich(output)
        }
    }

    func rich(_ output: RichOutput) -> String {
        switch output {
        case .math(let latex):
            switch MathRendering.mathML(latex, display: true) {
            case .success(let html): return "<div class=\"math-display\">\(html)</div>"
            case .failure(let message):
                return "<code class=\"math-error\" title=\"\(HTMLText.escape(message))\">\(HTMLText.escape(latex))</code>"
            }
        case .text(let text):
            return "<pre class=\"rich-text\">\(HTMLText.escape(text))</pre>"
        case .progress(let p):
            let fraction = p.total > 0 ? min(1, Double(p.completed) / Double(p.total)) : 0
            let metrics = p.metrics.map { "\($0.name) \(ProgressPayload.format($0.value))" }.joined(separator: " · ")
            return "<div class=\"progress\"><span>\(HTMLText.escape(p.displayName))</span><progress max=\"1\" value=\"\(fraction)\"></progress><span>\(p.completed)/\(p.total)</span><span class=\"metrics\">\(HTMLText.escape(metrics))</span></div>"
        case .figure(let figure):
            let ascii = "<pre class=\"figure-text\">\(HTMLText.escape(figure.renderText(width: 80, color: false)))</pre>"
            if case .table = figure { return "<figure class=\"figure\">\(figure.renderHTML())</figure>" }
            return """
            <figure class="figure figure-both"><div class="figure-views">\
            <div class="figure-svg">\(figure.renderHTML())</div>\(ascii)</div>\
            <button type="button" class="figure-toggle" hidden>\(HTMLText.escape(strings.text(.showAsText)))</button></figure>
            """
        case .unknown:
            return "<p class=\"note\">\(HTMLText.escape(output.unknownNote ?? ""))</p>"
        }
    }

    func failure(_ f: CellFailure, expected: Bool) -> String {
        let location = "\(chapterPath):\(f.line):\(f.column)"
        let cls = expected ? "expected-error" : "error"
        let title = HTMLText.escape(expected ? strings.expectedErrorHeading(kind: f.kind.rawValue) : strings.errorHeading(kind: f.kind.rawValue))
        let details = f.details.isEmpty ? "" : "<pre>\(HTMLText.escape(f.details.joined(separator: "\n")))</pre>"
        return "<div class=\"\(cls)\" role=\"\(expected ? "note" : "alert")\"><p><strong>\(title)</strong> \(HTMLText.escape(strings.text(.atLocation))) <code>\(HTMLText.escape(location))</code></p><p>\(HTMLText.escape(f.message))</p>\(details)</div>\n"
    }
}
