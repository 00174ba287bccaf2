/// Renders a `MathNode` as one line of readable Unicode text for terminals.
///
/// Scripts use Unicode super/subscript letters when every character has one (`x⁽ⁱ⁾`, `hₜ₋₁`)
/// and `^`/`_` otherwise (`p_(data)`); fractions read `a/b` or `(a + b)/(c + d)`; roots `√x`,
/// `√(x + 1)`, `∛x`; matrices and other tables `[a b; c d]`, `{x if a; y otherwise`.
///
/// ```swift
/// try LaTeX.parse(#"h_t = \tanh(W h_{t-1} + b)"#).unicode()   // "hₜ = tanh(W hₜ₋₁ + b)"
/// ```
extension MathNode {
    public func unicode() -> String {
        UnicodeRenderer.text(self, compact: false).trimmingSpaces
    }
}

enum UnicodeRenderer {
    /// A rendered item of a row and the spaces it wants around it.
    private struct Piece {
        var text: String
        var spaceBefore = false
        var spaceAfter = false
        /// Operators, opening fences and explicit spaces: a function or fraction next to one
        /// adds no space.
        var isOperatorLike = false
    }

    /// `compact` is set inside scripts, where operators get no surrounding spaces.
    static func text(_ node: MathNode, compact: Bool) -> String {
        switch node {
        case .identifier(let name, _): return name
        case .number(let digits): return digits
        case .operator(let symbol, _): return symbol
        case .function(let name, _): return name
        case .text(let text): return text
        case .row(let items): return row(items, compact: compact)
        case .fraction(let numerator, let denominator, _):
            return "\(grouped(numerator, compact: compact))/\(grouped(denominator, compact: compact))"
        case .scripts(let base, let sub, let sup, _):
            var text = text(base, compact: compact)
            if let sub { text += script(sub, marker: "_", convert: UnicodeScripts.subscript) }
            if let sup { text += script(sup, marker: "^", convert: UnicodeScripts.superscript) }
            return text
        case .root(let radicand, let index):
            let body = grouped(radicand, compact: compact)
            guard let index else { return "√" + body }
            switch text(index, compact: true) {
            case "3": return "∛" + body
            case "4": return "∜" + body
            case let other: return (UnicodeScripts.superscript(other) ?? "(\(other))") + "√" + body
            }
        case .accent(let base, let mark, _):
            return accented(text(base, compact: true), mark: mark)
        case .fenced(let open, let body, let close):
            return open + text(body, compact: compact).trimmingSpaces + close
        case .sizedDelimiter(let symbol, _):
            return symbol
        case .table(let table):
            let rows = table.rows.map { row in
                row.map { text($0, compact: compact).trimmingSpaces }.joined(separator: " ").trimmingSpaces
            }
            return table.open + rows.joined(separator: "; ") + table.close
        case .space(let em):
            if em >= 2 { return "    " }
            if em >= 1 { return "  " }
            return em > 0 ? " " : ""
        case .styled(_, let inner):
            return text(inner, compact: compact)
        }
    }

    /// The node as is when it is a single symbol, else in parentheses.
    private static func grouped(_ node: MathNode, compact: Bool) -> String {
        let rendered = text(node, compact: compact).trimmingSpaces
        if node.isAtomic || node.isDifferential || rendered.count == 1 { return rendered }
        return "(\(rendered))"
    }

    private static func script(_ node: MathNode, marker: String, convert: (String) -> String?) -> String {
        let rendered = text(node, compact: true).trimmingSpaces
        if let converted = convert(rendered) { return converted }
        return rendered.count == 1 ? marker + rendered : "\(marker)(\(rendered))"
    }

    private static func accented(_ base: String, mark: String) -> String {
        guard let combining = UnicodeScripts.combiningMarks[mark] else { return base }
        if base.count == 1 { return base + String(combining) }
        if mark == "‾" || mark == "_" { return base.map { String($0) + String(combining) }.joined() }
        return "(\(base))" + String(combining)
    }

    /// One item of a row with the spaces it wants around it in non-compact text.
    private static func piece(at index: Int, of items: [MathNode], after previous: Piece?, compact: Bool) -> Piece {
        let item = items[index]
        let text = text(item, compact: compact)
        var piece = Piece(text: text)
        switch item {
        case .operator(_, let kind):
            piece.isOperatorLike = true
            let isPrefix = MathNode.binaryOperatorIsPrefix(after: index > 0 ? items[index - 1] : nil)
            switch kind {
            case .binary where !isPrefix, .relation, .stretchyFence:
                piece.spaceBefore = !compact
                piece.spaceAfter = !compact
            case .punctuation:
                piece.spaceAfter = !compact
            case .fence:
                piece.isOperatorLike = MathNode.openingFences.contains(text)
            default:
                break
            }
        case .space:
            piece.isOperatorLike = true
        case .styled, .text:
            break
        default:
            let next = index + 1 < items.count ? items[index + 1] : nil
            if !compact, wantsSpaceAround(item) {
                piece.spaceBefore = previous.map { !$0.isOperatorLike } ?? false
                piece.spaceAfter = next.map { nextNode in
                    (nextNode.isOperand && !nextNode.startsWithFence)
                        || (!item.isFunctionApplication && startsWithOpeningFence(nextNode))
                } ?? false
            } else if !compact, index > 0, previous?.isOperatorLike == false,
                      separatesScriptedOperands(items[index - 1], item) {
                piece.spaceBefore = true
            }
        }
        return piece
    }

    private static func row(_ items: [MathNode], compact: Bool) -> String {
        var pieces: [Piece] = []
        for index in items.indices {
            pieces.append(piece(at: index, of: items, after: pieces.last, compact: compact))
        }
        var result = ""
        for (index, piece) in pieces.enumerated() {
            if index > 0, pieces[index - 1].spaceAfter || piece.spaceBefore,
               !result.hasSuffix(" "), !piece.text.hasPrefix(" ") {
                result += " "
            }
            result += piece.text
        }
        return result
    }

    /// Operands with scripts are set apart from neighbouring operands (`W hₜ₋₁`, `β₁ mₜ`),
    /// except after a number (`2σ²`).
    private static func separatesScriptedOperands(_ previous: MathNode, _ current: MathNode) -> Bool {
        guard current.isOperand else { return false }
        if current.isScriptedOperand, !previous.isNumber { return true }
        return previous.isScriptedOperand
    }

    /// Functions, large operators and fractions are set off from neighbouring operands.
    private static func wantsSpaceAround(_ node: MathNode) -> Bool {
        switch node {
        case .function, .fraction: return true
        case .operator(_, .large): return true
        case .scripts(let base, _, _, _): return wantsSpaceAround(base)
        case .styled(_, let inner): return wantsSpaceAround(inner)
        default: return false
        }
    }

    private static func startsWithOpeningFence(_ node: MathNode) -> Bool {
        switch node {
        case .operator(let symbol, .fence): return MathNode.openingFences.contains(symbol) || symbol == "‖" || symbol == "|"
        case .fenced, .sizedDelimiter: return true
        case .row(let items): return items.first.map(startsWithOpeningFence) ?? false
        case .scripts(let base, _, _, _): return startsWithOpeningFence(base)
        default: return false
        }
    }
}
