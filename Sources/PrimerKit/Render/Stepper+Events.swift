import Foundation

/// What the learner sees while the chapter runs: the stepper as the run's observer.
extension Stepper {
    public func observe(_ event: RunEvent) {
        switch event {
        case .compiling:
            if let first = visibleRunningCells.first, plan.quietThrough >= first {
                write(style.dim(strings.compilingReplaying(first: first + 1, last: plan.quietThrough + 1)) + "\n")
            } else {
                write(style.dim(strings.compiling(path: chapter.path)) + "\n")
            }
        case .compiled(let warnings, let expectedFailures):
            expectedCompileFailures = expectedFailures
            for warning in warnings { write(style.yellow(warning) + "\n") }
        case .cellBegan(let i):
            if isQuiet(i) { return }
            if isCheck(i) { write(style.dim(strings.text(.checkingRule)) + "\n"); return }
            showContent(through: i)
            write(style.dim(strings.text(.outputRule)) + "\n")
        case .output(let i, let item):
            if !isQuiet(i) { show(item) }
        case .cellEnded(let i):
            if isQuiet(i) { return }
            closeProgressLine()
            if isCheck(i) { solved(exercise: i - 2) } else { write("\n") }
        case .inlineValue(let index, let text):
            values[index] = text
        case .failedAsExpected(let cell):
            closeProgressLine()
            if case .failedAsExpected(let f) = cell.status { write(cells.failure(f, chapterPath: original.path, expected: true) + "\n\n") }
            write(style.dim(strings.text(.restartingWithoutCell)) + "\n")
        case .finished(let result, _):
            closeProgressLine()
            finish(result)
        }
    }

    private func solved(exercise: Int) {
        write(style.green(strings.text(.exerciseSolved)) + "\n\n")
        progress?.solved(exercise: exercise, in: original.path)
        saveProgress()
    }

    private func finish(_ result: ChapterResult) {
        self.result = result
        let compileFailed = result.cells.contains { if case .failed(let f) = $0.status { return f.kind == .compileError } else { return false } }
        let learnersFault = result.failures.contains { shown.edited.contains($0.cell) || isCheck($0.cell) } || !shown.edited.isEmpty && compileFailed
        if compileFailed && !learnersFault { showRemaining() }
        for (cell, failure) in result.failures { write(describe(failure, in: cell) + "\n") }
        if quit {
            write(style.dim(strings.stopped(cell: current + 1, path: original.path)) + "\n")
        } else if !compileFailed && pending == nil && plan.stopAfter == nil && !learnersFault {
            showRemaining()
        }
    }

    /// A failure where the learner can find it: in their cell file for their own code, as a
    /// plain sentence for a check, in the chapter for the rest.
    func describe(_ failure: CellFailure, in cell: Int) -> String {
        if isCheck(cell) {
            if failure.kind == .runtimeError {
                let message = failure.message.hasPrefix("not yet: ") ? String(failure.message.dropFirst(9)) : failure.message
                return style.red(strings.text(.notYet)) + message + "\n" + style.dim(strings.text(.notYetHint))
            }
            return style.red(strings.text(.checkCouldNotUse)) + failure.message + "\n" + style.dim(strings.text(.checkCouldNotUseHint))
        }
        let place = shown.location(ofLine: failure.line)
        var located = failure
        located.line = place.line
        guard place.path != original.path, let version = versions[cell] else {
            return cells.failure(located, chapterPath: place.path)
        }
        located.details = []
        let lines = version.split(separator: "\n", omittingEmptySubsequences: false)
        var text = cells.failure(located, chapterPath: place.path)
        if place.line >= 1 && place.line <= lines.count {
            text += "\n" + style.dim("    \(place.line) | ") + lines[place.line - 1]
            text += "\n" + style.dim("    " + String(repeating: " ", count: String(place.line).count) + " | ")
                + String(repeating: " ", count: max(0, failure.column - 1)) + style.red("^")
        }
        return text + "\n" + style.dim(strings.text(.editAgainHint))
    }

    // MARK: Display

    private func show(_ item: CellOutput) {
        if case .rich(.progress(let progress)) = item {
            let line = progress.line(width: style.width - 1)
            if style.color {
                write("\r\u{1B}[2K" + cells.safe(line))   // the one line Primer redraws in place
                progressLineOpen = true
            } else if progress.completed >= progress.total {
                write(cells.safe(line) + "\n")
            }
            return
        }
        closeProgressLine()
        var item = item
        if case .stderr = item {
            guard let cleaned = RuntimeFailure.cleaned([item]).first else { return }
            item = cleaned
        }
        // Printed text streams as it arrived (chunks need not end a line); the rest is one block.
        if case .stdout(let raw) = item { write(cells.safe(raw)); return }
        write(cells.output(item) + "\n")
    }

    func closeProgressLine() {
        if progressLineOpen { write("\n"); progressLineOpen = false }
    }

    /// A cell's source as the learner sees it: their version with its own line numbers.
    func source(of index: Int) -> String {
        let cell = chapter.cells[index]
        guard shown.edited.contains(index) else { return cells.source(cell, chapterPath: original.path) }
        var own = cell
        own.codeLine = 1
        return cells.source(own, chapterPath: original.path,
                            place: strings.text(.yourVersion) + " · " + (scratch.file(forCell: index) as NSString).lastPathComponent)
    }

    /// Shows prose and cells up to and including cell `index`'s source (once).
    func showContent(through index: Int) {
        let content = chapter.resolvingInlineValues(values).content
        while nextPart < content.count {
            let part = content[nextPart]
            if case .cell(let i) = part, i > index { return }
            // The prose after the cell shown waits until that cell has run.
            if case .prose = part, nextPart > 0, content[nextPart - 1] == .cell(index) { return }
            nextPart += 1
            switch part {
            case .prose(let block):
                write(prose.render(block) + "\n")
            case .cell(let i):
                if chapter.cells[i].options.hiddenFromLearner { continue }
                write(source(of: i) + "\n")
                if i == index { return }
                if let f = expectedCompileFailures[i] { write(cells.failure(f, chapterPath: original.path, expected: true) + "\n") }
                write("\n")
            }
        }
    }

    /// Skips the content up to and including cell `index` without showing it.
    func skipContent(through index: Int) {
        if let position = chapter.content.firstIndex(of: .cell(index)), position + 1 > nextPart { nextPart = position + 1 }
    }

    /// After the program ended: the rest of the chapter, without running anything.
    func showRemaining() {
        let content = chapter.resolvingInlineValues(result?.inlineValues ?? values).content
        while nextPart < content.count {
            let part = content[nextPart]
            nextPart += 1
            switch part {
            case .prose(let block): write(prose.render(block) + "\n")
            case .cell(let i):
                if chapter.cells[i].options.hiddenFromLearner { continue }
                write(source(of: i) + "\n")
                if let result, case .failedAsExpected(let f)? = result.cells.first(where: { $0.index == i })?.status,
                   f.kind == .compileError {
                    write(cells.failure(f, chapterPath: original.path, expected: true) + "\n")
                }
                write("\n")
            }
        }
    }
}
