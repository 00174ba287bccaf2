/// What a cell's info string says about it: the words after `swift` in its fence.
///
///     ```swift norun
///     ```swift expect-error timeout=5
///
/// | option | meaning |
/// | --- | --- |
/// | `norun` | shown, never compiled or run |
/// | `hide` | the source is hidden on the page; the output is shown |
/// | `expect-error` | the cell must fail to compile or trap; `check` fails if it does not |
/// | `timeout=SECONDS` | how long the cell may run (default `CellOptions.defaultTimeout`) |
public struct CellOptions: Equatable, Sendable, Codable {
    public var norun = false
    public var hide = false
    public var expectError = false
    public var timeout: Double?

    /// Seconds a cell may run when it names no `timeout=`.
    public static let defaultTimeout: Double = 120

    public var effectiveTimeout: Double { timeout ?? Self.defaultTimeout }

    public init(norun: Bool = false, hide: Bool = false, expectError: Bool = false, timeout: Double? = nil) {
        self.norun = norun; self.hide = hide; self.expectError = expectError; self.timeout = timeout
    }

    /// Parses the words after the language in an info string.
    /// Throws a message (without location) for an unknown or malformed option.
    public static func parse(_ words: [Substring]) throws(OptionError) -> CellOptions {
        var options = CellOptions()
        for word in words {
            switch word {
            case "norun": options.norun = true
            case "hide": options.hide = true
            case "expect-error": options.expectError = true
            default:
                if word.hasPrefix("timeout=") {
                    let value = word.dropFirst("timeout=".count)
                    guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                        throw OptionError(message: "`\(word)`: the timeout must be a positive number of seconds, e.g. timeout=30")
                    }
                    options.timeout = seconds
                } else {
                    throw OptionError(message: "unknown cell option `\(word)`; known options: norun, hide, expect-error, timeout=SECONDS")
                }
            }
        }
        if options.norun && options.expectError {
            throw OptionError(message: "`norun` and `expect-error` contradict each other: a cell that never runs cannot fail")
        }
        return options
    }

    public struct OptionError: Error, Equatable {
        public var message: String
    }
}
