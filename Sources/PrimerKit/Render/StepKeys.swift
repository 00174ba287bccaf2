/// The keys of `primer step`, in one place: the prompt line, the `?` help, `primer step
/// --help` and the README's key table come from `all`.
///
///     StepKeys.help          // "Enter   run the cell shown (or show the next one)\n…"
public enum StepKeys {
    public struct Key: Sendable {
        public var keys: String
        public var meaning: String
    }

    public static let all: [Key] = [
        Key(keys: "Enter", meaning: "run the cell shown; after it ran, show the next one"),
        Key(keys: "c", meaning: "run the rest of the chapter without pausing"),
        Key(keys: "e", meaning: "edit the cell in your editor (`$VISUAL`, `$EDITOR`, else `nano`, else `vi`); on save the chapter is compiled again with your version and run up to that cell, replaying the cells before it quietly"),
        Key(keys: "r", meaning: "run the cell again (an exercise: run it and its check)"),
        Key(keys: "o", meaning: "switch the cell between your version and the original, and run it again"),
        Key(keys: "p, b", meaning: "back to the previous cell (the cells before it run again quietly)"),
        Key(keys: "g N", meaning: "go to cell N, running the cells before it that are needed"),
        Key(keys: "s", meaning: "show the solution of an exercise"),
        Key(keys: "?", meaning: "list these keys"),
        Key(keys: "q", meaning: "quit; Primer remembers where you were"),
    ]

    /// The keys as lines for a terminal.
    public static var help: String {
        let width = all.map(\.keys.count).max() ?? 0
        return all.map { $0.keys.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.meaning.replacingOccurrences(of: "`", with: "") }
            .joined(separator: "\n")
    }

    /// The README's key table.
    public static var markdownTable: String {
        (["| key | what it does |", "| --- | --- |"] + all.map { "| **\($0.keys)** | \($0.meaning) |" }).joined(separator: "\n")
    }

    /// The prompt line under the cell `cell` (1-based), before it runs or after it ran.
    static func prompt(cell: Int, ran: Bool, exercise: Bool, edited: Bool) -> String {
        var parts = ["▶ cell \(cell)" + (exercise ? " (exercise)" : "")]
        switch (exercise, ran) {
        case (true, false): parts += ["e: edit your answer", "Enter: run the starter"]
        case (true, true): parts += ["e: edit your answer", "r: check it"]
        case (false, false): parts += ["Enter: run this cell", "e: edit"]
        case (false, true): parts += ["Enter: next", "e: edit", "r: rerun"]
        }
        if exercise { parts.append("s: solution") }
        if edited { parts.append("o: original/yours") }
        parts += ["c: rest", "p: back", "g N: go", "?: keys", "q: quit "]
        return parts.joined(separator: " · ")
    }
}
