/// What a cell's info string says about it: the words after `swift` in its fence.
///
///     ```swift norun
///     ```swift expect-error timeout=5
///
/// Every option is one row of `CellOptions.table`. Parsing, the "unknown option" message, the
/// cache-key fragment, the tags shown in the terminal and on the page, and the README's option
/// table all come from that table; adding an option means adding its field and its row here,
/// implementing it, and documenting it (a test checks the README against the table).
public struct CellOptions: Equatable, Sendable, Codable {
    public var norun = false
    public var hide = false
    public var expectError = false
    public var timeout: Double?
    public var exercise = false
    public var solution = false
    public var check = false

    /// Seconds a cell may run when it names no `timeout=`.
    public static let defaultTimeout: Double = 120

    public var effectiveTimeout: Double { timeout ?? Self.defaultTimeout }

    public init(norun: Bool = false, hide: Bool = false, expectError: Bool = false, timeout: Double? = nil,
                exercise: Bool = false, solution: Bool = false, check: Bool = false) {
        self.norun = norun; self.hide = hide; self.expectError = expectError; self.timeout = timeout
        self.exercise = exercise; self.solution = solution; self.check = check
    }

    /// Whether the cell is never shown to a learner: an exercise's solution (until asked for) or check.
    public var hiddenFromLearner: Bool { solution || check }

    /// The options, in the order they are documented.
    public static let table: [CellOption] = [
        .flag("norun", \.norun, affectsRun: true,
              meaning: "shown, never compiled or run"),
        .flag("hide", \.hide, affectsRun: false, tagged: false,
              meaning: "the output is shown; on the page the source is folded away"),
        .flag("expect-error", \.expectError, affectsRun: true,
              meaning: "the cell must fail to compile or trap at run time; `check` fails if it does not. It runs in its own scope, so its declarations are not visible to later cells"),
        CellOption(name: "timeout", valueName: "SECONDS", example: "30", affectsRun: true, tagged: true,
                   meaning: "how long the cell may run; default **\(Int(defaultTimeout)) s**. On expiry the whole program (its process group) is killed and the cell is reported at its line",
                   apply: { value, options in
                       guard let value, let seconds = Double(value), seconds > 0, seconds.isFinite else {
                           throw OptionError(message: "`timeout=\(value ?? "")`: the timeout must be a positive number of seconds, e.g. timeout=30")
                       }
                       options.timeout = seconds
                   },
                   value: { $0.timeout.map(Self.seconds) },
                   runValue: { Self.seconds($0.effectiveTimeout) }),
        .flag("exercise", \.exercise, affectsRun: true,
              meaning: "an exercise: starter code (it must compile) that the learner edits in `primer step`; a `solution` cell and a `check` cell follow it"),
        .flag("solution", \.solution, affectsRun: true, tagged: false,
              meaning: "the exercise's solution, right after its `exercise` cell: hidden in `step` until the learner presses **s**, folded behind \"Show solution\" on the page. `check` runs it, with the check, in its own scope after the starter code"),
        .flag("check", \.check, affectsRun: true, tagged: false,
              meaning: "right after the `solution`: code that says whether the exercise is solved, with `expect(condition, \"message for the learner\")`; never shown. In `step` it runs after the learner's version; `check` fails at its line if the solution does not pass it"),
    ]

    /// Parses the words after the language in an info string.
    /// Throws a message (without location) for an unknown or malformed option.
    public static func parse(_ words: [Substring]) throws(OptionError) -> CellOptions {
        var options = CellOptions()
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]), value = parts.count > 1 ? String(parts[1]) : nil
            guard let option = table.first(where: { $0.name == name }) else {
                throw OptionError(message: "unknown cell option `\(word)`; known options: " + table.map(\.usage).joined(separator: ", "))
            }
            if option.valueName == nil, value != nil {
                throw OptionError(message: "`\(word)`: the option `\(name)` takes no value")
            }
            do { try option.apply(value, &options) } catch let error as OptionError { throw error } catch {
                throw OptionError(message: "`\(word)`: \(error)")
            }
        }
        let roles = [options.exercise, options.solution, options.check, options.norun, options.expectError].filter { $0 }.count
        if roles > 1 && (options.exercise || options.solution || options.check) {
            throw OptionError(message: "`exercise`, `solution` and `check` each name a cell's role; a cell has one of them and neither `norun` nor `expect-error`")
        }
        if options.norun && options.expectError {
            throw OptionError(message: "`norun` and `expect-error` contradict each other: a cell that never runs cannot fail")
        }
        return options
    }

    /// The options that change how the cell runs, as cache-key text: `norun=false expect-error=true timeout=120`.
    public var cacheKeyFragment: String {
        Self.table.filter(\.affectsRun).map { "\($0.name)=\($0.runValue(self))" }.joined(separator: " ")
    }

    /// The options worth showing beside a cell's header: `expect-error timeout=30`.
    public var tags: [String] {
        Self.table.filter(\.tagged).compactMap { option in
            option.value(self).map { option.valueName == nil ? option.name : "\(option.name)=\($0)" }
        }
    }

    /// The README's option table, made from `table`.
    public static var markdownTable: String {
        (["| option | meaning |", "| --- | --- |"] + table.map { "| `\($0.usage)` | \($0.meaning) |" }).joined(separator: "\n")
    }

    /// `30` for 30 seconds, `2.5` for 2.5.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    public struct OptionError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// One cell option: its name, what it means, how it is parsed and how it shows.
public struct CellOption: Sendable {
    /// The word in the info string (`norun`, or `timeout` of `timeout=SECONDS`).
    public var name: String
    /// The value's placeholder for options written `name=VALUE`; nil for flags.
    public var valueName: String?
    /// A valid value, for examples and tests (nil for flags).
    public var example: String?
    /// Whether the option changes what the program does (and so belongs in the cache key).
    public var affectsRun: Bool
    /// Whether the option is shown as a tag beside the cell's header when set.
    public var tagged: Bool
    /// One sentence for the README's table.
    public var meaning: String
    /// Sets the option from its value (nil for flags).
    var apply: @Sendable (String?, inout CellOptions) throws -> Void
    /// The option's value when set, for tags (`""` for a set flag, nil when unset).
    var value: @Sendable (CellOptions) -> String?
    /// The value that the run sees, defaults included, for the cache key.
    var runValue: @Sendable (CellOptions) -> String

    /// How an author writes it: `norun`, `timeout=SECONDS`.
    public var usage: String { valueName.map { "\(name)=\($0)" } ?? name }
    /// The option as it could appear in an info string: `norun`, `timeout=30`.
    public var exampleWord: String { example.map { "\(name)=\($0)" } ?? name }

    static func flag(_ name: String, _ field: WritableKeyPath<CellOptions, Bool> & Sendable, affectsRun: Bool,
                     tagged: Bool = true, meaning: String) -> CellOption {
        CellOption(name: name, valueName: nil, example: nil, affectsRun: affectsRun, tagged: tagged, meaning: meaning,
                   apply: { _, options in options[keyPath: field] = true },
                   value: { $0[keyPath: field] ? "" : nil },
                   runValue: { String($0[keyPath: field]) })
    }
}
