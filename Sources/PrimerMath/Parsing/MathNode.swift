/// The tree a LaTeX formula parses into; both renderers walk it.
///
/// ```swift
/// let node = try LaTeX.parse(#"\frac{1}{2}x^2"#)
/// node.mathML(display: false)   // "<math><mrow><mfrac>…</mfrac><msup>…</msup></mrow></math>"
/// node.unicode()                // "1/2 x²"
/// ```
public indirect enum MathNode: Equatable, Sendable {
    /// An identifier (`<mi>`); `upright` asks for the normal (non-italic) variant.
    case identifier(String, upright: Bool)
    /// A number (`<mn>`), such as `3.14`.
    case number(String)
    /// An operator, relation, fence or punctuation mark (`<mo>`).
    case `operator`(String, OperatorKind)
    /// A function name such as `log` or `arg max`; renderers follow it with function application.
    case function(String, limits: Bool)
    /// Literal text (`<mtext>`), from `\text{…}`.
    case text(String)
    /// A horizontal sequence (`<mrow>`).
    case row([MathNode])
    /// A fraction; `style` forces display or text style (`\dfrac`, `\tfrac`).
    case fraction(numerator: MathNode, denominator: MathNode, style: StyleOverride?)
    /// A base with optional sub- and superscript; `placement` decides scripts versus limits.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, placement: LimitPlacement)
    /// `\sqrt{x}` or, with an index, `\sqrt[n]{x}`.
    case root(MathNode, index: MathNode?)
    /// An accent or a line over (`\hat`, `\overline`) or under (`\underline`) a base.
    case accent(base: MathNode, mark: String, over: Bool)
    /// `\left( … \right)`: fences that stretch to the body; an empty string is the `.` fence.
    case fenced(open: String, body: MathNode, close: String)
    /// A delimiter of a fixed larger size (`\big(`, `\Bigg|`), in em.
    case sizedDelimiter(String, size: Double)
    /// A grid of cells (matrices, `cases`, `aligned`, `array`), with fences around it.
    case table(MathTable)
    /// Horizontal space in em (negative for `\!`).
    case space(Double)
    /// `\displaystyle` or `\textstyle` for the rest of a group.
    case styled(StyleOverride, MathNode)
}

/// How an operator behaves for spacing and stretching.
public enum OperatorKind: Equatable, Sendable {
    /// `+ − × ⋅ ⊙` and friends: spaced on both sides unless used as a prefix.
    case binary
    /// `= ≤ ∼ ∈ →` and friends: spaced on both sides.
    case relation
    /// `, ; :` and `!`: spaced after.
    case punctuation
    /// `( ) [ ] | ‖ ⟨ ⟩` written without `\left`/`\right`: never stretched.
    case fence
    /// `∑ ∏ ∫`: large in display style.
    case large
    /// Anything else that is an operator but not spaced (`′`, `/`, `…`).
    case ordinary
    /// A fence that stretches with its row (`\middle|`).
    case stretchyFence
}

/// Where the scripts of a base go.
public enum LimitPlacement: Equatable, Sendable {
    /// Ordinary sub/superscripts.
    case scripts
    /// Under/over in display style, scripts inline (`\sum`, `\max`, `\lim`).
    case movableLimits
    /// Always under/over (`\limits`, `\underbrace`-like uses).
    case limits
}

/// A style switch: `\displaystyle` or `\textstyle`.
public enum StyleOverride: Equatable, Sendable {
    case display
    case text
}

/// A table's cells, column alignment and surrounding fences.
public struct MathTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, center, right }

    public var rows: [[MathNode]]
    /// Alignment per column; columns beyond the list repeat its last entry.
    public var alignments: [Alignment]
    /// Opening and closing fence (`(`, `[`, `|`, `{`, or empty).
    public var open: String
    public var close: String
    /// Whether cells are set in display style (`aligned`, `align*`) rather than text style.
    public var displayStyleCells: Bool
    /// Whether columns come in right/left pairs set without a gap (`aligned`, `align*`).
    public var pairedColumns: Bool

    public init(rows: [[MathNode]], alignments: [Alignment], open: String = "", close: String = "",
                displayStyleCells: Bool = false, pairedColumns: Bool = false) {
        self.rows = rows
        self.alignments = alignments
        self.open = open
        self.close = close
        self.displayStyleCells = displayStyleCells
        self.pairedColumns = pairedColumns
    }

    /// The alignment of column `index`.
    public func alignment(ofColumn index: Int) -> Alignment {
        guard let last = alignments.last else { return .center }
        return index < alignments.count ? alignments[index] : last
    }
}

extension MathNode {
    /// Whether the node is a function name, possibly carrying limits or scripts, which the
    /// renderers follow with function application.
    var isFunctionApplication: Bool {
        switch self {
        case .function: return true
        case .scripts(let base, _, _, _): return base.isFunctionApplication
        default: return false
        }
    }

    /// Whether the node is an operand carrying scripts (`hₜ₋₁`, not `)²`); the Unicode renderer
    /// sets such operands apart from their neighbours so `W hₜ₋₁` does not run together.
    var isScriptedOperand: Bool {
        guard case .scripts(let base, _, _, _) = self else { return false }
        switch base {
        case .operator, .row([]): return false
        default: return true
        }
    }

    /// Whether the node is an operand rather than an operator, fence or space.
    var isOperand: Bool {
        switch self {
        case .operator(_, .large): return true
        case .operator, .space, .sizedDelimiter: return false
        case .row(let items): return items.first?.isOperand ?? false
        case .scripts(let base, _, _, _): return base.isOperand
        case .styled(_, let inner): return inner.isOperand
        default: return true
        }
    }

    /// Whether a binary operator placed after `previous` acts as a prefix, as in `−x`,
    /// `a = −b` or `(−1)`: at the start of a row, or after another operator or an opening fence.
    static func binaryOperatorIsPrefix(after previous: MathNode?) -> Bool {
        guard let previous else { return true }
        switch previous {
        case .operator(let symbol, .fence): return openingFences.contains(symbol)
        case .operator(_, .ordinary): return false
        case .operator: return true
        case .styled(_, let inner): return binaryOperatorIsPrefix(after: inner)
        default: return false
        }
    }

    static let openingFences: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈"]

    /// Whether the node begins with a fence, as in `(x)` or `\left[ … \right]`.
    var startsWithFence: Bool {
        switch self {
        case .operator(_, .fence), .fenced, .sizedDelimiter: return true
        case .row(let items): return items.first?.startsWithFence ?? false
        case .scripts(let base, _, _, _): return base.startsWithFence
        case .table(let table): return !table.open.isEmpty
        default: return false
        }
    }

    /// Whether the node is a number (`<mn>`).
    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    /// `∂L`, `∂ŷ`, `dx`: a differential reads without parentheses as part of a fraction.
    var isDifferential: Bool {
        guard case .row(let items) = self, items.count == 2, items[1].isAtomic,
              case .identifier(let symbol, _) = items[0] else { return false }
        return symbol == "∂" || symbol == "d" || symbol == "∇"
    }

    /// Whether the node prints as a single symbol, so it needs no parentheses in linear text.
    var isAtomic: Bool {
        switch self {
        case .identifier(let name, _): return name.count == 1
        case .number, .function, .text: return true
        case .operator: return true
        case .row(let items): return items.count == 1 && items[0].isAtomic
        case .fenced, .root: return true
        case .accent(let base, _, _): return base.isAtomic
        case .scripts(let base, _, _, _): return base.isAtomic
        case .styled(_, let inner): return inner.isAtomic
        default: return false
        }
    }
}
