import PrimerMath

/// Keeps `$…$` and `$$…$$` math away from cmark, which would otherwise read `_` and `*` in
/// formulas as emphasis. `PrimerMath.MathScanner` swaps formulas for letter-and-digit
/// placeholders before parsing (following pandoc's dollar rules, never inside code); this puts
/// them back as `.math` inlines, and as `.displayMath` blocks when a display formula stands
/// alone in its paragraph.
enum MathProtection {
    static func protect(_ source: String) -> ProtectedMarkdown {
        MathScanner.protect(source)
    }

    static func restore(_ block: Block, from protected: ProtectedMarkdown) -> Block {
        if protected.formulas.isEmpty { return block }
        switch block {
        case .paragraph(let inlines, let line):
            let text = inlines.map { inline -> String in
                switch inline {
                case .text(let s): return s
                case .softBreak, .lineBreak: return "\n"
                default: return "\u{0}"   // anything else means the paragraph is not formula-only
                }
            }.joined()
            if !text.contains("\u{0}"), let formula = protected.standaloneDisplayFormula(in: text) {
                return .displayMath(formula.latex, line: line)
            }
            return .paragraph(restore(inlines, protected), line: line)
        case .heading(let level, let inlines, let line):
            return .heading(level: level, restore(inlines, protected), line: line)
        case .blockQuote(let blocks):
            return .blockQuote(blocks.map { restore($0, from: protected) })
        case .list(let style, let items):
            return .list(style, items: items.map { $0.map { restore($0, from: protected) } })
        case .table(var table, let line):
            table.header = table.header.map { restore($0, protected) }
            table.rows = table.rows.map { $0.map { restore($0, protected) } }
            return .table(table, line: line)
        case .codeBlock, .html, .thematicBreak, .displayMath:
            return block
        }
    }

    static func restore(_ inlines: [Inline], _ protected: ProtectedMarkdown) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            switch inline {
            case .text(let s):
                return protected.split(s).map { segment in
                    switch segment {
                    case .text(let t): return .text(t)
                    case .math(let formula): return .math(formula.latex, display: formula.display)
                    }
                }
            case .emphasis(let c): return [.emphasis(restore(c, protected))]
            case .strong(let c): return [.strong(restore(c, protected))]
            case .link(let url, let title, let c): return [.link(url: url, title: title, restore(c, protected))]
            case .image(let url, let title, let alt): return [.image(url: url, title: title, alt: restore(alt, protected))]
            default: return [inline]
            }
        }
    }

    /// Every formula of the chapter that does not parse, with its line, for warnings.
    static func problems(in protected: ProtectedMarkdown) -> [(line: Int, message: String)] {
        protected.formulas.compactMap { formula in
            do { _ = try LaTeX.parse(formula.latex); return nil } catch {
                return (formula.line, "cannot typeset `\(formula.latex)`: \(error)")
            }
        }
    }
}
