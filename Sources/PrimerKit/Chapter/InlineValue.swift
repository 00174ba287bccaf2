import Foundation

/// A value computed by the chapter's program and written into its prose, as inline code that
/// starts with `{swift}`:
///
///     The CNN reached `{swift} percent(cnnAccuracy)` on the test set.
///
/// The expression is evaluated where it stands: after the cells above it, with their
/// declarations in scope. It is compiled with the chapter, so an expression that names a value
/// no cell defines any more fails `check` at its own `file:line:col`. Its text replaces the
/// code span in the terminal and on the page; `String(describing:)` formats it, and the cell
/// module's `fixed`, `percent` and `grouped` format numbers for prose.
public struct InlineValue: Equatable, Sendable {
    /// Position among the chapter's inline values, from 0.
    public var index: Int
    /// The Swift expression, as written after `{swift}`.
    public var expression: String
    /// Where the expression starts in the chapter file (1-based; the column counts UTF-8
    /// bytes, as compiler diagnostics do).
    public var line: Int
    public var column: Int
    /// The cell above it (the last one before it in the chapter), nil above the first cell.
    public var afterCell: Int?

    /// The marker that makes inline code an inline value.
    public static let marker = "{swift}"

    /// The expression of inline code that is an inline value, or nil for ordinary code
    /// (`{swift}` alone is ordinary code, so prose can name the marker).
    static func expression(inCode code: String) -> String? {
        guard code.hasPrefix(marker), code != marker else { return nil }
        return code.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
    }

    /// Inline code that shows the syntax itself: `\{swift} x` reads `{swift} x`.
    static func unescaped(code: String) -> String? {
        code.hasPrefix("\\" + marker) ? String(code.dropFirst()) : nil
    }
}

/// Finds where each inline value's expression starts in the chapter's text, in reading order.
struct InlineValueLocator {
    let lines: [String]
    /// The next place to search from (0-based line, character offset).
    private var line = 0
    private var offset = 0

    init(lines: [String]) { self.lines = lines }

    /// Prose blocks are searched from where they start; cells are skipped over.
    mutating func skip(toLine oneBased: Int) {
        if oneBased - 1 > line { line = oneBased - 1; offset = 0 }
    }

    /// The 1-based line and column of the next inline value's expression.
    mutating func next() -> (line: Int, column: Int)? {
        while line < lines.count {
            let text = Array(lines[line])
            var i = offset
            while i + InlineValue.marker.count <= text.count {
                if text[i] == "{", String(text[i..<(i + InlineValue.marker.count)]) == InlineValue.marker,
                   i > 0, text[i - 1] == "`" || text[i - 1] == " " {
                    var start = i + InlineValue.marker.count
                    while start < text.count, text[start] == " " { start += 1 }
                    offset = start
                    // Columns count UTF-8 bytes, as the compiler's do.
                    return (line + 1, String(text[0..<start]).utf8.count + 1)
                }
                i += 1
            }
            line += 1
            offset = 0
        }
        return nil
    }
}
