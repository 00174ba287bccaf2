import Testing
@testable import PrimerMath

/// Terminal text for each supported construct.
@Suite struct UnicodeRenderingTests {
    static let cases: [(latex: String, text: String)] = [
        ("x^2", "x²"),
        ("x^{(i)}", "x⁽ⁱ⁾"),
        ("h_{t-1}", "hₜ₋₁"),
        ("p_{data}", "p_(data)"),
        ("x_12", "x₁ 2"),
        ("e^{-z}", "e⁻ᶻ"),
        ("f''(x)", "f′′(x)"),
        ("3.14 r", "3.14r"),
        (#"\frac{a}{b}"#, "a/b"),
        (#"\frac{a+b}{c}"#, "(a + b)/c"),
        (#"\frac{1}{1 + e^{-z}}"#, "1/(1 + e⁻ᶻ)"),
        (#"\sigma \Sigma \varepsilon \epsilon \varphi"#, "σΣεϵφ"),
        (#"\mathbb{E}_{x \sim p}"#, "𝔼_(x∼p)"),
        (#"\mathbb{R}^n \mathcal{N} \mathbf{W} \boldsymbol{\mu}"#, "ℝⁿ 𝒩𝐖𝝁"),
        (#"\sum_{i=1}^{n} x_i"#, "∑ᵢ₌₁ⁿ xᵢ"),
        (#"\int_0^1 f(x)\,dx"#, "∫₀¹ f(x) dx"),
        (#"\log D(x)"#, "log D(x)"),
        (#"\log(1 - D(G(z)))"#, "log(1 − D(G(z)))"),
        (#"\max_D V"#, "max_D V"),
        (#"\arg\max_\theta p"#, "arg max_θ p"),
        (#"\sqrt{x}"#, "√x"),
        (#"\sqrt{x + 1}"#, "√(x + 1)"),
        (#"\sqrt[3]{x}"#, "∛x"),
        (#"\sqrt[n]{x}"#, "ⁿ√x"),
        (#"\left( \frac{a}{b} \right)"#, "(a/b)"),
        (#"\left. x \right|_{0}"#, "x|₀"),
        (#"\left\langle x, y \right\rangle"#, "⟨x, y⟩"),
        (#"\begin{bmatrix} a & b \\ c & d \end{bmatrix}"#, "[a b; c d]"),
        (#"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}"#, "(1 0; 0 1)"),
        (#"|x| = \begin{cases} x & x \ge 0 \\ -x & \text{otherwise} \end{cases}"#, "|x| = {x x ≥ 0; −x otherwise"),
        (#"\begin{aligned} a &= b \\ &= c \end{aligned}"#, "a = b; = c"),
        (#"\hat{x} \bar{y} \tilde{c} \vec{v}"#, "x̂ȳc̃v⃗"),
        (#"\overline{ab}"#, "a̅b̅"),
        (#"a \le b \neq c \approx d"#, "a ≤ b ≠ c ≈ d"),
        (#"x \in \mathbb{R}, \forall x"#, "x ∈ ℝ, ∀x"),
        (#"f: X \to Y"#, "f : X → Y"),
        (#"-x + y"#, "−x + y"),
        (#"a = -b"#, "a = −b"),
        (#"W^\top x"#, "Wᵀ x"),
        (#"a \quad b"#, "a  b"),
        (#"\|x\|_2^2"#, "‖x‖₂²"),
        (#"\operatorname{softmax}(z)_i"#, "softmax(z)ᵢ"),
        (#"\text{if } x"#, "if x"),
        (#"(y_i - \hat{y}_i)^2"#, "(yᵢ − ŷᵢ)²"),
        (#"\frac{\partial L}{\partial w}"#, "∂L/∂w"),
        (#"\frac{1}{2\sigma^2}"#, "1/(2σ²)"),
        (#"\mathbf{w}^\top \mathbf{x} + b"#, "𝐰ᵀ 𝐱 + b"),
        (#"(X^\top X + \lambda I)^{-1} X^\top y"#, "(Xᵀ X + λI)⁻¹ Xᵀ y"),
        (#"H(p) = -\sum_{k} p_k \log_2 p_k"#, "H(p) = −∑ₖ pₖ log₂ pₖ"),
    ]

    @Test(arguments: cases.indices)
    func rendersReadableText(_ index: Int) throws {
        let (latex, text) = Self.cases[index]
        #expect(try LaTeX.toUnicode(latex) == text, "\(latex)")
    }

    @Test func scriptsFallBackWhenACharacterHasNoScriptForm() {
        #expect(UnicodeScripts.superscript("(i)") == "⁽ⁱ⁾")
        #expect(UnicodeScripts.subscript("t-1") == "ₜ₋₁")
        #expect(UnicodeScripts.subscript("d") == nil)
        #expect(UnicodeScripts.superscript("q") == nil)
    }

    @Test func alignedFormulasGetALinePerRowWithTheirColumnsLinedUp() throws {
        let lstm = #"\begin{aligned} i_t &= \sigma(z_i), \\ c_t &= f_t \odot c_{t-1}, \\ h &= o. \end{aligned}"#
        #expect(try LaTeX.toUnicodeLines(lstm) == ["iₜ = σ(zᵢ),", "cₜ = fₜ ⊙ cₜ₋₁,", " h = o."])
        #expect(try LaTeX.toUnicodeLines(#"\begin{aligned} a &= b \\ &= c \end{aligned}"#) == ["a = b", "  = c"])
        // A one-row or fenced table, or any other formula, stays one line.
        #expect(try LaTeX.toUnicodeLines(#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#) == ["(a b; c d)"])
        #expect(try LaTeX.toUnicodeLines("x^2") == ["x²"])
    }
}
