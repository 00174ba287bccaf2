/// Markdown whose formulas were replaced by placeholders that cmark passes through unchanged,
/// and the formulas themselves.
///
/// A placeholder is `<prefix>M<index>Q`: letters and digits only, so cmark never reads it as
/// emphasis, code, links or escapes, in paragraphs, headings, list items, tables or link text.
/// The prefix is chosen per document so that it occurs nowhere in the source. A formula that
/// spans lines leaves its placeholder on its first line and a continuation token
/// `<prefix>C` on each further line, so every other line keeps its number; `split` drops the
/// continuation tokens.
///
/// ```swift
/// let protected = MathScanner.protect(markdown)
/// let document = cmarkParse(protected.text)              // the runner's cmark call
/// for segment in protected.split(textNode.literal) {      // in each text node
///     switch segment {
///     case .text(let text): html += escape(text)
///     case .math(let formula): html += (try? LaTeX.toMathML(formula.latex, display: formula.display))
///                                          ?? LaTeX.fallbackHTML(source: formula.latex)
///     }
/// }
/// ```
public struct ProtectedMarkdown: Equatable, Sendable {
    /// The Markdown with each formula replaced by its placeholder.
    public var text: String
    /// The formulas, in source order; placeholder `index` refers to `formulas[index]`.
    public var formulas: [Formula]
    /// The document's placeholder prefix (letters only, absent from the source).
    public var prefix: String

    public init(text: String, formulas: [Formula], prefix: String) {
        self.text = text
        self.formulas = formulas
        self.prefix = prefix
    }

    /// The placeholder written for `formulas[index]`.
    public func placeholder(forFormulaAt index: Int) -> String { "\(prefix)M\(index)Q" }

    /// The token written on each further line of a formula that spans lines.
    public var continuationToken: String { prefix + "C" }

    /// Splits a text (a cmark text node, or any text of the protected document) into text and
    /// formulas. Continuation tokens are dropped; empty text segments are left out.
    public func split(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var pending = Substring()
        var rest = Substring(text)
        while let range = rest.range(of: prefix) {
            let after = rest[range.upperBound...]
            if let (formula, remainder) = formulaPlaceholder(at: after) {
                pending += rest[..<range.lowerBound]
                if !pending.isEmpty { segments.append(.text(String(pending))) }
                pending = ""
                segments.append(.math(formula))
                rest = remainder
            } else if after.first == "C" {
                pending += rest[..<range.lowerBound]
                rest = after.dropFirst()
            } else {
                pending += rest[..<rest.index(after: range.lowerBound)]
                rest = rest[rest.index(after: range.lowerBound)...]
            }
        }
        pending += rest
        if !pending.isEmpty { segments.append(.text(String(pending))) }
        return segments
    }

    /// `M<digits>Q` naming an existing formula, and what follows it.
    private func formulaPlaceholder(at text: Substring) -> (Formula, Substring)? {
        guard text.first == "M" else { return nil }
        let digits = text.dropFirst().prefix(while: \.isASCIIDigit)
        let after = text.dropFirst(1 + digits.count)
        guard !digits.isEmpty, after.first == "Q", let index = Int(digits), formulas.indices.contains(index) else {
            return nil
        }
        return (formulas[index], after.dropFirst())
    }

    /// The display formula if a paragraph holds nothing else (besides whitespace), so the
    /// runner can render it as a block rather than inside a `<p>`. Pass the paragraph's text
    /// with soft line breaks as newlines.
    ///
    /// ```swift
    /// protected.standaloneDisplayFormula(in: paragraphText)   // Formula(display: true, …) or nil
    /// ```
    public func standaloneDisplayFormula(in paragraphText: String) -> Formula? {
        let meaningful = split(paragraphText).filter { segment in
            if case .text(let text) = segment { return !text.allSatisfy(\.isWhitespace) }
            return true
        }
        guard meaningful.count == 1, case .math(let formula) = meaningful[0], formula.display else { return nil }
        return formula
    }
}
