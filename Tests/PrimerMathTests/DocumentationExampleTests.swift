import Testing
@testable import PrimerMath

/// The examples shown in doc comments and the README, so that they stay true.
@Suite struct DocumentationExampleTests {
    @Test func latexEntryPoints() throws {
        #expect(try LaTeX.toUnicode(#"\sigma(z) = \frac{1}{1 + e^{-z}}"#) == "σ(z) = 1/(1 + e⁻ᶻ)")
        #expect(try LaTeX.parse(#"\frac{1}{2}x^2"#).unicode() == "1/2 x²")
        #expect(try LaTeX.parse(#"h_t = \tanh(W h_{t-1} + b)"#).unicode() == "hₜ = tanh(W hₜ₋₁ + b)")
        #expect(try LaTeX.parse("x^2").mathML(display: true)
                    == #"<math display="block"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>"#)
    }

    @Test func scannerExample() {
        let protected = MathScanner.protect(#"Loss $L(\theta)$ costs $5 and $10."#)
        #expect(protected.formulas.map(\.latex) == [#"L(\theta)"#])
        #expect(protected.text == "Loss MathPhM0Q costs $5 and $10.")
    }

    @Test func tokenizerExample() throws {
        #expect(try Tokenizer.tokens(#"x^{\alpha}"#).map(\.kind)
                    == [.character("x"), .superscriptMark, .beginGroup, .command("alpha"), .endGroup])
    }

    @Test func escapingExample() {
        #expect("a<b & \"c\"".xmlEscaped == "a&lt;b &amp; &quot;c&quot;")
    }
}
