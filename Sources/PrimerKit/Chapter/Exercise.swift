/// An exercise in a chapter: a cell of starter code the learner changes, the hidden solution
/// right after it and the hidden check after that.
///
///     ```swift exercise
///     let hiddenUnits = 2          // make the network wide enough
///     ```
///     ```swift solution
///     let hiddenUnits = 16
///     ```
///     ```swift check
///     expect(hiddenUnits >= 8, "with \(hiddenUnits) hidden units the network cannot bend around the moons")
///     ```
///
///     chapter.exercises.first    // Exercise(cell: 0, solution: 1, check: 2)
public struct Exercise: Equatable, Sendable, Codable {
    /// The index of the `exercise` cell (the starter code).
    public var cell: Int
    public var solution: Int
    public var check: Int
}

/// Which version of its exercises a chapter's program runs.
public enum ExerciseRun: Equatable, Sendable {
    /// For `check`, `run` and `build`: each exercise's starter code runs in its place, then its
    /// solution and its check in a scope of their own, so one run shows that the starter code
    /// compiles and that the solution passes the check.
    case verifySolutions
    /// For a learner in `step`: no solution runs; the checks of the exercises in `checking`
    /// (by exercise cell) run after the learner's version, in a scope of their own.
    case learner(checking: Set<Int>)
}

extension Chapter {
    /// The chapter's exercises, in order.
    public var exercises: [Exercise] {
        cells.filter(\.options.exercise).map { Exercise(cell: $0.index, solution: $0.index + 1, check: $0.index + 2) }
    }

    /// The exercise that `cell` belongs to (as starter code, solution or check).
    public func exercise(containing cell: Int) -> Exercise? {
        exercises.first { [$0.cell, $0.solution, $0.check].contains(cell) }
    }
}

/// The order rule of exercises: `exercise`, then `solution`, then `check`, nothing between.
enum ExerciseStructure {
    static func validate(_ cells: [Cell], path: String) throws {
        for cell in cells {
            let next = cell.index + 1 < cells.count ? cells[cell.index + 1] : nil
            let previous = cell.index > 0 ? cells[cell.index - 1] : nil
            if cell.options.exercise, next?.options.solution != true {
                throw ChapterError(path: path, line: cell.fenceLine, message: "an `exercise` cell needs a ```swift solution cell right after it, then a ```swift check cell")
            }
            if cell.options.solution {
                guard previous?.options.exercise == true else {
                    throw ChapterError(path: path, line: cell.fenceLine, message: "a `solution` cell must come right after its ```swift exercise cell")
                }
                guard next?.options.check == true else {
                    throw ChapterError(path: path, line: cell.fenceLine, message: "a `solution` cell needs a ```swift check cell right after it, which says whether the exercise is solved")
                }
            }
            if cell.options.check, previous?.options.solution != true {
                throw ChapterError(path: path, line: cell.fenceLine, message: "a `check` cell must come right after a ```swift solution cell")
            }
            if (cell.options.solution || cell.options.check), let output = cell.expectedOutput {
                throw ChapterError(path: path, line: output.fenceLines.lowerBound, message: "solution and check cells are hidden from the learner, so they have no `output` block")
            }
        }
    }
}
