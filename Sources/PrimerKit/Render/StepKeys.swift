/// The keys of `primer step`, in one place: the prompt line, the `?` help, `primer step
/// --help` and the README's key table come from `all`.
///
///     StepKeys.help          // "Enter   run the cell shown (or show the next one)\n…"
public enum StepKeys {
    public struct Key: Sendable {
        public var keys: String
        /// What the key does, in the table's words.
        public var what: StepKeyMeaning
        /// What the key does, in English (`primer step --help`, the README).
        public var meaning: String { UILanguage.en.strings.keyMeaning(what) }
    }

    public static let all: [Key] = [
        Key(keys: "Enter", what: .enter), Key(keys: "c", what: .rest), Key(keys: "e", what: .edit),
        Key(keys: "r", what: .rerun), Key(keys: "o", what: .original), Key(keys: "p, b", what: .back),
        Key(keys: "g N", what: .goTo), Key(keys: "s", what: .solution), Key(keys: "?", what: .keys),
        Key(keys: "q", what: .quit),
    ]

    /// The keys as lines for a terminal, in English.
    public static var help: String { help(in: UILanguage.en.strings) }

    /// The keys as lines for a terminal, in `strings`' language.
    public static func help(in strings: any UIStringTable) -> String {
        let width = all.map { TextWidth.of($0.keys) }.max() ?? 0
        return all.map { TextWidth.pad($0.keys, to: width + 2) + strings.keyMeaning($0.what).replacingOccurrences(of: "`", with: "") }
            .joined(separator: "\n")
    }

    /// The README's key table.
    public static var markdownTable: String {
        (["| key | what it does |", "| --- | --- |"] + all.map { "| **\($0.keys)** | \($0.meaning) |" }).joined(separator: "\n")
    }

    /// The prompt line under the cell `cell` (1-based), before it runs or after it ran.
    static func prompt(cell: Int, ran: Bool, exercise: Bool, edited: Bool, strings: any UIStringTable) -> String {
        var actions: [StepPromptAction]
        switch (exercise, ran) {
        case (true, false): actions = [.editAnswer, .runStarter]
        case (true, true): actions = [.editAnswer, .checkAnswer]
        case (false, false): actions = [.runCell, .edit]
        case (false, true): actions = [.next, .edit, .rerun]
        }
        if exercise { actions.append(.solution) }
        if edited { actions.append(.originalOrYours) }
        actions += [.rest, .back, .goTo, .keys, .quit]
        return ([strings.promptCell(cell, exercise: exercise)] + actions.map(strings.promptAction)).joined(separator: " · ") + " "
    }
}
