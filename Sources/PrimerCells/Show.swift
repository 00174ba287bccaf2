import Foundation
import PrimerWire

/// Shows a formula, typeset: MathML on the page, readable Unicode in the terminal.
///
///     showMath(#"\sigma(z) = \frac{1}{1 + e^{-z}}"#)
public func showMath(_ latex: String) {
    OutputChannel.sendRich(kind: RichKind.math, payload: Data(latex.utf8)) { latex }
}
