import PrimerMarkup
/// Renders a `MathNode` as MathML Core, the subset Chromium, Firefox and Safari render natively.
///
/// ```swift
/// try LaTeX.parse("x^2").mathML(display: true)
/// // <math display="block"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>
/// ```
extension MathNode {
    /// A complete `<math>` element; `display` gives `display="block"` and display style.
    public func mathML(display: Bool) -> String {
        let body = MathMLRenderer.element(self, displayStyle: display)
        return display ? "<math display=\"block\">\(body)</math>" : "<math>\(body)</math>"
    }
}

enum MathMLRenderer {
    static let functionApplication = "<mo>&#x2061;</mo>"

    /// One element for `node`; `displayStyle` says whether limits go under and over.
    static func element(_ node: MathNode, displayStyle: Bool) -> String {
        switch node {
        case .identifier(let name, let upright):
            let variant = upright && name.count == 1 ? " mathvariant=\"normal\"" : ""
            return "<mi\(variant)>\(name.xmlEscaped)</mi>"
        case .number(let digits):
            return "<mn>\(digits.xmlEscaped)</mn>"
        case .operator(let symbol, let kind):
            return operatorElement(symbol, kind: kind)
        case .function(let name, _):
            let variant = name.count == 1 ? " mathvariant=\"normal\"" : ""
            return "<mi\(variant)>\(name.xmlEscaped)</mi>"
        case .text(let text):
            return "<mtext>\(keepingEdgeSpaces(text).xmlEscaped)</mtext>"
        case .row(let items):
            return row(items, displayStyle: displayStyle)
        case .fraction(let numerator, let denominator, let style):
            let inner = "<mfrac>\(element(numerator, displayStyle: false))\(element(denominator, displayStyle: false))</mfrac>"
            switch style {
            case .display?: return "<mstyle displaystyle=\"true\">\(inner)</mstyle>"
            case .text?: return "<mstyle displaystyle=\"false\">\(inner)</mstyle>"
            case nil: return inner
            }
        case .scripts(let base, let sub, let sup, let placement):
            return scripts(base: base, sub: sub, sup: sup, placement: placement, displayStyle: displayStyle)
        case .root(let radicand, let index):
            let body = element(radicand, displayStyle: displayStyle)
            guard let index else { return "<msqrt>\(body)</msqrt>" }
            return "<mroot>\(body)\(element(index, displayStyle: false))</mroot>"
        case .accent(let base, let mark, let over):
            let stretchy = SymbolTable.stretchyMarks.contains(mark) ? "true" : "false"
            let markElement = "<mo stretchy=\"\(stretchy)\">\(mark.xmlEscaped)</mo>"
            let baseElement = element(base, displayStyle: displayStyle)
            return over ? "<mover accent=\"true\">\(baseElement)\(markElement)</mover>"
                : "<munder accentunder=\"true\">\(baseElement)\(markElement)</munder>"
        case .fenced(let open, let body, let close):
            return "<mrow>\(fence(open, form: "prefix"))\(element(body, displayStyle: displayStyle))\(fence(close, form: "postfix"))</mrow>"
        case .sizedDelimiter(let symbol, let size):
            guard !symbol.isEmpty else { return "<mrow></mrow>" }
            let length = emLength(size)
            return "<mo minsize=\"\(length)\" maxsize=\"\(length)\" stretchy=\"true\" symmetric=\"true\">\(symbol.xmlEscaped)</mo>"
        case .table(let table):
            return self.table(table)
        case .space(let em):
            if em >= 0 { return "<mspace width=\"\(emLength(em))\"></mspace>" }
            return "<mspace style=\"margin-left: \(emLength(em))\"></mspace>"
        case .styled(let style, let inner):
            let isDisplay = style == .display
            return "<mstyle displaystyle=\"\(isDisplay)\">\(element(inner, displayStyle: isDisplay))</mstyle>"
        }
    }

    /// A row; function names get TeX's thin space from a neighbouring operand (`log D`,
    /// `α log x`, `min max`), which MathML's invisible function application does not give.
    private static func row(_ items: [MathNode], displayStyle: Bool) -> String {
        var body = ""
        for (index, item) in items.enumerated() {
            let previous = index > 0 ? items[index - 1] : nil
            let next = index + 1 < items.count ? items[index + 1] : nil
            if item.isFunctionApplication, let previous, previous.isOperand, !previous.isFunctionApplication {
                body += thinSpace
            }
            if case .operator(let symbol, .binary) = item, MathNode.binaryOperatorIsPrefix(after: previous) {
                body += "<mo form=\"prefix\">\(symbol.xmlEscaped)</mo>"
            } else {
                body += element(item, displayStyle: displayStyle)
            }
            if item.isFunctionApplication {
                body += functionApplication
                if let next, next.isOperand, !next.startsWithFence { body += thinSpace }
            }
        }
        return "<mrow>\(body)</mrow>"
    }

    private static let thinSpace = "<mspace width=\"0.1667em\"></mspace>"

    /// Browsers drop spaces at the edges of `<mtext>`; `\text{if }` needs its space.
    private static func keepingEdgeSpaces(_ text: String) -> String {
        let leading = text.prefix { $0 == " " }.count
        let trailing = text.count == leading ? 0 : text.reversed().prefix { $0 == " " }.count
        let middle = text.dropFirst(leading).dropLast(trailing)
        return String(repeating: "\u{A0}", count: leading) + middle + String(repeating: "\u{A0}", count: trailing)
    }

    private static func operatorElement(_ symbol: String, kind: OperatorKind) -> String {
        switch kind {
        case .fence: return "<mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">\(symbol.xmlEscaped)</mo>"
        case .stretchyFence: return "<mo stretchy=\"true\">\(symbol.xmlEscaped)</mo>"
        case .ordinary where symbol.hasPrefix("′") || symbol == "/":
            return "<mo lspace=\"0\" rspace=\"0\">\(symbol.xmlEscaped)</mo>"
        default: return "<mo>\(symbol.xmlEscaped)</mo>"
        }
    }

    private static func fence(_ symbol: String, form: String) -> String {
        guard !symbol.isEmpty else { return "" }
        return "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\" symmetric=\"true\">\(symbol.xmlEscaped)</mo>"
    }

    private static func scripts(base: MathNode, sub: MathNode?, sup: MathNode?, placement: LimitPlacement,
                                displayStyle: Bool) -> String {
        let limits = placement == .limits || (placement == .movableLimits && displayStyle)
        let baseElement = element(base, displayStyle: displayStyle)
        let subElement = sub.map { element($0, displayStyle: false) }
        let supElement = sup.map { element($0, displayStyle: false) }
        let tags = limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (subElement, supElement) {
        case let (sub?, sup?): return "<\(tags.2)>\(baseElement)\(sub)\(sup)</\(tags.2)>"
        case let (sub?, nil): return "<\(tags.0)>\(baseElement)\(sub)</\(tags.0)>"
        case let (nil, sup?): return "<\(tags.1)>\(baseElement)\(sup)</\(tags.1)>"
        case (nil, nil): return baseElement
        }
    }

    private static func table(_ table: MathTable) -> String {
        var body = ""
        for row in table.rows {
            body += "<mtr>"
            for (index, cell) in row.enumerated() {
                body += "<mtd style=\"\(cellStyle(table, column: index))\">"
                let content = element(cell, displayStyle: table.displayStyleCells)
                body += table.displayStyleCells ? "<mstyle displaystyle=\"true\">\(content)</mstyle>" : content
                body += "</mtd>"
            }
            body += "</mtr>"
        }
        let grid = "<mtable>\(body)</mtable>"
        guard !table.open.isEmpty || !table.close.isEmpty else { return grid }
        return "<mrow>\(fence(table.open, form: "prefix"))\(grid)\(fence(table.close, form: "postfix"))</mrow>"
    }

    private static func cellStyle(_ table: MathTable, column: Int) -> String {
        let alignment: String
        switch table.alignment(ofColumn: column) {
        case .left: alignment = "left"
        case .center: alignment = "center"
        case .right: alignment = "right"
        }
        guard table.pairedColumns else { return "text-align: \(alignment)" }
        let padding = column % 2 == 0 ? "padding-right: 0" : "padding-left: 0"
        return "text-align: \(alignment); \(padding)"
    }
}
