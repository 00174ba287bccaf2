import Foundation

/// The learner's keys (`StepKeys`): the stepper as the run's gate, and the prompt after a run
/// that ended early.
extension Stepper {
    /// What a key press asks for.
    enum Choice {
        case run, runRest, stop, action(Action), finish
    }

    public func permit(_ cell: Int) -> CellPermission {
        if isQuiet(cell) || isCheck(cell) { return .run }
        if cell == plan.autoRun {
            plan.autoRun = nil
            showContent(through: cell)
            current = cell
            return .run
        }
        if let stop = plan.stopAfter {
            plan.stopAfter = nil
            current = stop
            currentRan = true
        } else {
            current = cell
            currentRan = false
            showContent(through: cell)
        }
        switch prompt(next: cell) {
        case .run: return .run
        case .runRest: return .runRest
        case .stop, .finish: return .stop
        case .action(let action):
            pending = action
            return .stop
        }
    }

    /// After a run that ended before the chapter did (a failure, or the cell just re-run was
    /// the last): the prompt stays on that cell. Nil when stepping is over.
    func endPrompt() -> Action? {
        guard keys != nil, !quit else { return nil }
        let failed = result?.failures.map(\.cell) ?? []
        let learnersFault = failed.contains { shown.edited.contains($0) || isCheck($0) } || (failed.isEmpty == false && !shown.edited.isEmpty)
        guard plan.stopAfter != nil || plan.autoRun != nil || learnersFault || result == nil else { return nil }
        current = plan.stopAfter ?? plan.autoRun ?? failed.first.map { isCheck($0) ? $0 - 2 : $0 } ?? current
        currentRan = true
        plan.stopAfter = nil
        plan.autoRun = nil
        switch prompt(next: nil) {
        case .action(let action): return action
        case .run, .runRest: return .proceed(after: current)
        case .stop, .finish: return nil
        }
    }

    /// Reads keys until one needs the program (or a new run); `next` is the cell the program
    /// waits to run, nil when it has ended.
    func prompt(next: Int?) -> Choice {
        while true {
            recordPosition()
            let exercise = original.cells[current].options.exercise
            write(style.dim(StepKeys.prompt(cell: current + 1, ran: currentRan, exercise: exercise,
                                            edited: versions[current] != nil, strings: strings)))
            let key = keys?.readKey()
            write("\r\u{1B}[2K")
            switch key {
            case "\n"?, " "?:
                if !currentRan { return .run }
                if let next {
                    current = next
                    currentRan = false
                    showContent(through: next)
                } else if let later = visibleRunningCells.first(where: { $0 > current }) {
                    if failedItself(current) {
                        write(style.yellow(strings.cellFailedBlocksRest(cell: current + 1)) + "\n")
                    } else {
                        return .action(.goTo(later))
                    }
                } else {
                    return .finish
                }
            case "c"?, "C"?:
                if next != nil { return .runRest }
                if let later = visibleRunningCells.first(where: { $0 > current }), !failedItself(current) { return .action(.goTo(later)) }
            case "q"?, "Q"?, nil:
                quit = true
                recordPosition()
                return .stop
            case "e"?, "E"?:
                return .action(.edit(current))
            case "r"?, "R"?:
                if !currentRan && !original.cells[current].options.exercise { return .run }
                return .action(.rerun(current))
            case "o"?, "O"?:
                if versions[current] == nil {
                    write(style.yellow(strings.cellNotEdited(cell: current + 1)) + "\n")
                } else {
                    if showingOriginal.contains(current) { showingOriginal.remove(current) } else { showingOriginal.insert(current) }
                    write(style.dim(showingOriginal.contains(current) ? strings.showingOriginal(cell: current + 1) : strings.showingYours(cell: current + 1)) + "\n")
                    return .action(.rerun(current))
                }
            case "p"?, "P"?, "b"?, "B"?:
                if let target = previousRunningCell(before: current) { return .action(.goTo(target)) }
                write(style.yellow(strings.text(.firstCell)) + "\n")
            case "g"?, "G"?:
                write(style.dim(strings.text(.goToCellPrompt)))
                let number = keys?.readNumber(echo: write)
                write("\r\u{1B}[2K")
                guard let number, let target = visibleRunningCells.first(where: { $0 >= number - 1 }) else {
                    write(style.yellow(strings.noCellAt(number, count: original.cells.count)) + "\n")
                    continue
                }
                if let next, target >= next {
                    if target == next, currentRan { current = next; currentRan = false; showContent(through: next); continue }
                    if target == next { continue }
                    // Forward: the program runs the cells in between quietly, then asks about `target`.
                    plan.quietThrough = target - 1
                    write(style.dim(strings.runningCells(first: next + 1, last: target)) + "\n")
                    skipContent(through: target - 1)
                    return .run
                }
                return .action(.goTo(target))
            case "s"?, "S"?:
                if let exercise = original.exercise(containing: current) {
                    write(style.dim(strings.text(.solutionRule)) + "\n" + cells.source(original.cells[exercise.solution], chapterPath: original.path) + "\n\n")
                } else {
                    write(style.yellow(strings.notAnExercise(cell: current + 1)) + "\n")
                }
            case "?"?, "h"?:
                write(StepKeys.help(in: strings) + "\n")
            default:
                continue
            }
        }
    }

    /// Whether the cell itself failed in the last run (not just its check).
    private func failedItself(_ cell: Int) -> Bool {
        result?.failures.contains { $0.cell == cell } ?? false
    }

    private func recordPosition() {
        guard progress != nil else { return }
        progress?.stopped(at: current, in: original.path)
        saveProgress()
    }
}
