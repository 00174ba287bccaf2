import Foundation
import Testing
@testable import PrimerMath

/// Each supported construct, with a piece of the MathML it must produce.
@Suite struct MathMLRenderingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var latex: String
        var display: Bool = false
        var contains: [String]
        var testDescription: String { latex }
    }

    static let cases: [Case] = [
        Case(latex: #"\frac{a}{b}"#, contains: ["<mfrac><mi>a</mi><mi>b</mi></mfrac>"]),
        Case(latex: #"\frac12"#, contains: ["<mfrac><mn>1</mn><mn>2</mn></mfrac>"]),
        Case(latex: #"\dfrac{a}{b}"#, contains: [#"<mstyle displaystyle="true"><mfrac>"#]),
        Case(latex: #"\tfrac{a}{b}"#, contains: [#"<mstyle displaystyle="false"><mfrac>"#]),
        Case(latex: "x^2", contains: ["<msup><mi>x</mi><mn>2</mn></msup>"]),
        Case(latex: "x_i^2", contains: ["<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"]),
        Case(latex: "x_12", contains: ["<msub><mi>x</mi><mn>1</mn></msub><mn>2</mn>"]),
        Case(latex: "x^{(i)}", contains: [#"<msup><mi>x</mi><mrow><mo stretchy="false" lspace="0" rspace="0">(</mo><mi>i</mi>"#]),
        Case(latex: "f''(x)", contains: [#"<msup><mi>f</mi><mo lspace="0" rspace="0">′′</mo></msup>"#]),
        Case(latex: "x'^2", contains: ["<msup><mi>x</mi><mrow><mo", "′</mo><mn>2</mn></mrow></msup>"]),
        Case(latex: "3.14 + 10", contains: ["<mn>3.14</mn><mo>+</mo><mn>10</mn>"]),
        Case(latex: "ab", contains: ["<mi>a</mi><mi>b</mi>"]),
        Case(latex: "a - b * c", contains: ["<mo>−</mo>", "<mo>∗</mo>"]),
        Case(latex: "-a = -b (-c)", contains: [#"<mrow><mo form="prefix">−</mo><mi>a</mi><mo>=</mo><mo form="prefix">−</mo>"#, #"(</mo><mo form="prefix">−</mo><mi>c</mi>"#]),
        Case(latex: #"\alpha\varepsilon\vartheta\varphi\omega"#, contains: ["<mi>α</mi><mi>ε</mi><mi>ϑ</mi><mi>φ</mi><mi>ω</mi>"]),
        Case(latex: #"\Gamma\Omega"#, contains: [#"<mi mathvariant="normal">Γ</mi><mi mathvariant="normal">Ω</mi>"#]),
        Case(latex: #"\mathbb{E}\mathbb{R}"#, contains: ["<mi>𝔼</mi><mi>ℝ</mi>"]),
        Case(latex: #"\mathcal{N}\mathcal{L}"#, contains: ["<mi>𝒩</mi><mi>ℒ</mi>"]),
        Case(latex: #"\mathfrak{g}"#, contains: ["<mi>𝔤</mi>"]),
        Case(latex: #"\mathbf{W}\boldsymbol{\mu}\mathsf{A}\mathit{x}"#, contains: ["<mi>𝐖</mi><mi>𝝁</mi><mi>𝖠</mi><mi>𝑥</mi>"]),
        Case(latex: #"\mathrm{d}x"#, contains: [#"<mi mathvariant="normal">d</mi><mi>x</mi>"#]),
        Case(latex: #"\mathrm{softmax}"#, contains: ["<mi>softmax</mi>"]),
        Case(latex: #"\text{if } x < 0"#, contains: ["<mtext>if\u{A0}</mtext>", "<mo>&lt;</mo>"]),
        Case(latex: #"\operatorname{ReLU}(x)"#, contains: ["<mi>ReLU</mi><mo>&#x2061;</mo><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">(</mo>"]),
        Case(latex: #"\operatorname*{argmax}_x f"#, display: true, contains: ["<munder><mi>argmax</mi><mi>x</mi></munder><mo>&#x2061;</mo>"]),
        Case(latex: #"\sum_{i=1}^n x_i"#, display: true, contains: ["<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"]),
        Case(latex: #"\sum_{i=1}^n x_i"#, contains: ["<msubsup><mo>∑</mo>"]),
        Case(latex: #"\prod_i p_i"#, display: true, contains: ["<munder><mo>∏</mo><mi>i</mi></munder>"]),
        Case(latex: #"\int_0^1 f"#, display: true, contains: ["<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"]),
        Case(latex: #"\int\limits_0^1 f"#, contains: ["<munderover><mo>∫</mo>"]),
        Case(latex: #"\sum\nolimits_i"#, display: true, contains: ["<msub><mo>∑</mo><mi>i</mi></msub>"]),
        Case(latex: #"\oint_C"#, contains: ["<msub><mo>∮</mo><mi>C</mi></msub>"]),
        Case(latex: #"\log x"#, contains: ["<mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi>"]),
        Case(latex: #"\exp(x)"#, contains: ["<mi>exp</mi><mo>&#x2061;</mo><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">(</mo>"]),
        Case(latex: #"\max_D V"#, display: true, contains: ["<munder><mi>max</mi><mi>D</mi></munder><mo>&#x2061;</mo>"]),
        Case(latex: #"\max_D V"#, contains: ["<msub><mi>max</mi><mi>D</mi></msub><mo>&#x2061;</mo>"]),
        Case(latex: #"\min_G \max_D"#, display: true, contains: ["<munder><mi>min</mi><mi>G</mi></munder><mo>&#x2061;</mo><mspace"]),
        Case(latex: #"\lim_{n \to \infty} a_n"#, display: true, contains: ["<munder><mi>lim</mi><mrow><mi>n</mi><mo>→</mo><mi>∞</mi></mrow></munder>"]),
        Case(latex: #"\arg\max_\theta p"#, display: true, contains: ["<munder><mi>arg max</mi><mi>θ</mi></munder><mo>&#x2061;</mo>"]),
        Case(latex: #"\sin\cos\tan\tanh\det\Pr\sup\inf\ln\liminf"#, contains: ["<mi>sin</mi>", "<mi>tanh</mi>", "<mi>Pr</mi>", "<mi>lim inf</mi>"]),
        Case(latex: #"\mathop{E}_x"#, display: true, contains: [#"<munder><mi mathvariant="normal">E</mi><mi>x</mi></munder><mo>&#x2061;</mo>"#]),
        Case(latex: #"\sqrt{x}"#, contains: ["<msqrt><mi>x</mi></msqrt>"]),
        Case(latex: #"\sqrt[3]{x}"#, contains: ["<mroot><mi>x</mi><mrow><mn>3</mn></mrow></mroot>"]),
        Case(latex: #"\left( \frac{a}{b} \right)"#, contains: [#"<mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo>"#, #"form="postfix" stretchy="true" symmetric="true">)</mo>"#]),
        Case(latex: #"\left. x \right|"#, contains: [#"<mrow><mrow><mi>x</mi></mrow><mo fence="true" form="postfix""#]),
        Case(latex: #"\left\{ x \right\}"#, contains: [">{</mo>", ">}</mo>"]),
        Case(latex: #"\left\langle x \middle| y \right\rangle"#, contains: [">⟨</mo>", #"<mo stretchy="true">|</mo>"#, ">⟩</mo>"]),
        Case(latex: #"\left\lfloor x \right\rfloor \left\lceil y \right\rceil \left\| z \right\| \left\lvert w \right\rvert"#, contains: [">⌊</mo>", ">⌋</mo>", ">⌈</mo>", ">⌉</mo>", ">‖</mo>", ">|</mo>"]),
        Case(latex: #"\left[ x \right)"#, contains: [">[</mo>", ">)</mo>"]),
        Case(latex: #"\bigl( x \bigr) \Big[ \bigg\{ \Bigg|"#, contains: [#"minsize="1.2em" maxsize="1.2em""#, #"minsize="1.8em""#, #"minsize="2.4em""#, #"minsize="3em""#]),
        Case(latex: #"\begin{matrix} a & b \\ c & d \end{matrix}"#, contains: ["<mtable><mtr><mtd style=\"text-align: center\"><mi>a</mi></mtd>", "</mtr><mtr>"]),
        Case(latex: #"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}"#, contains: [">(</mo><mtable>", "</mtable><mo", ">)</mo>"]),
        Case(latex: #"\begin{bmatrix} 1 \\ 2 \\ \end{bmatrix}"#, contains: [">[</mo><mtable><mtr><mtd style=\"text-align: center\"><mn>1</mn></mtd></mtr><mtr><mtd style=\"text-align: center\"><mn>2</mn></mtd></mtr></mtable>"]),
        Case(latex: #"\begin{vmatrix} a & b \\ c & d \end{vmatrix}"#, contains: [">|</mo><mtable>"]),
        Case(latex: #"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#, contains: [">{</mo><mtable>", "text-align: left", "<mtext>otherwise</mtext>"]),
        Case(latex: #"\begin{aligned} a &= b \\[2pt] &= c \end{aligned}"#, contains: ["text-align: right; padding-right: 0", "text-align: left; padding-left: 0", "<mstyle displaystyle=\"true\"><mrow><mo>=</mo><mi>c</mi></mrow></mstyle>"]),
        Case(latex: #"\begin{align*} f &= 1 \end{align*}"#, contains: ["<mtable><mtr><mtd"]),
        Case(latex: #"\begin{array}{l|c} a & b \end{array}"#, contains: ["text-align: left\"><mi>a</mi>", "text-align: center\"><mi>b</mi>"]),
        Case(latex: #"\binom{n}{k}"#, contains: [">(</mo><mtable><mtr><mtd style=\"text-align: center\"><mi>n</mi></mtd></mtr>"]),
        Case(latex: #"\hat{m}_t"#, contains: [#"<msub><mover accent="true"><mi>m</mi><mo stretchy="false">ˆ</mo></mover><mi>t</mi></msub>"#]),
        Case(latex: #"\bar{x}\tilde{x}\vec{v}\dot{x}\ddot{x}"#, contains: [">¯</mo>", ">˜</mo>", ">→</mo>", ">˙</mo>", ">¨</mo>"]),
        Case(latex: #"\overline{x+y}\underline{z}"#, contains: [#"<mo stretchy="true">‾</mo></mover>"#, #"<munder accentunder="true"><mi>z</mi><mo stretchy="true">_</mo></munder>"#]),
        Case(latex: #"\nabla \partial"#, contains: ["<mi>∇</mi><mi>∂</mi>"]),
        Case(latex: #"\sim \in \notin \subset \le \ge \neq \approx \equiv \propto \mid"#, contains: ["<mo>∼</mo><mo>∈</mo><mo>∉</mo><mo>⊂</mo><mo>≤</mo><mo>≥</mo><mo>≠</mo><mo>≈</mo><mo>≡</mo><mo>∝</mo><mo>∣</mo>"]),
        Case(latex: #"a \cdot b \times c \odot d \otimes e"#, contains: ["<mo>⋅</mo>", "<mo>×</mo>", "<mo>⊙</mo>", "<mo>⊗</mo>"]),
        Case(latex: #"\infty \to \rightarrow \leftarrow \Rightarrow \mapsto"#, contains: ["<mi>∞</mi><mo>→</mo><mo>→</mo><mo>←</mo><mo>⇒</mo><mo>↦</mo>"]),
        Case(latex: #"\forall \exists \ldots \cdots"#, contains: ["<mo>∀</mo><mo>∃</mo><mo>…</mo><mo>⋯</mo>"]),
        Case(latex: #"a\quad b\qquad c\,d\;e\!f"#, contains: [#"<mspace width="1em">"#, #"<mspace width="2em">"#, #"<mspace width="0.1667em">"#, #"<mspace width="0.2778em">"#, #"margin-left: -0.1667em"#]),
        Case(latex: #"\|x\| \langle a \rangle \lfloor b \rfloor \lceil c \rceil \{ d \}"#, contains: [#"<mo stretchy="false" lspace="0" rspace="0">‖</mo>"#, #">⟨</mo>"#, #">⌊</mo>"#, #">⌈</mo>"#, #"<mo stretchy="false" lspace="0" rspace="0">{</mo>"#]),
        Case(latex: #"W^\top x^\intercal"#, contains: ["<msup><mi>W</mi><mi>⊤</mi></msup>", "<mi>⊺</mi>"]),
        Case(latex: #"\displaystyle \sum_i x"#, contains: [#"<mstyle displaystyle="true"><mrow><munder><mo>∑</mo>"#]),
        Case(latex: #"\lVert w \rVert^2"#, contains: [#"<mo stretchy="false" lspace="0" rspace="0">‖</mo><mi>w</mi><msup><mo stretchy="false" lspace="0" rspace="0">‖</mo><mn>2</mn></msup>"#]),
        Case(latex: #"a \not= b \not\in C"#, contains: ["<mo>=\u{338}</mo>", "<mo>∈\u{338}</mo>"]),
    ]

    @Test(arguments: cases)
    func producesExpectedMathML(_ testCase: Case) throws {
        let mathML = try LaTeX.toMathML(testCase.latex, display: testCase.display)
        for piece in testCase.contains {
            #expect(mathML.contains(piece), "\(piece) not in \(mathML)")
        }
        #expect(isWellFormedXML(mathML))
    }

    @Test func lineBreaksOutsideEnvironmentsStackLines() throws {
        let mathML = try LaTeX.toMathML(#"a = b \\ c = d \\"#, display: true)
        #expect(mathML.contains("<mtable><mtr><mtd"))
        #expect(mathML.components(separatedBy: "<mtr>").count == 3)
        #expect(try LaTeX.toUnicode(#"a \\ b"#) == "a; b")
    }

    @Test func stylesheetAsksForAMathFont() {
        #expect(LaTeX.stylesheet.contains("math { font-family: \"DejaVu Math TeX Gyre\""))
        #expect(LaTeX.stylesheet.contains("code.math-error"))
    }

    @Test func displayFlagSetsBlockAttribute() throws {
        #expect(try LaTeX.toMathML("x", display: true) == #"<math display="block"><mrow><mi>x</mi></mrow></math>"#)
        #expect(try LaTeX.toMathML("x", display: false) == "<math><mrow><mi>x</mi></mrow></math>")
    }

    @Test func everythingIsEscaped() throws {
        let mathML = try LaTeX.toMathML(#"\text{a<b & "c" 'd'} < > \&"#, display: false)
        #expect(mathML.contains("<mtext>a&lt;b &amp; &quot;c&quot; &#39;d&#39;</mtext>"))
        #expect(mathML.contains("<mo>&lt;</mo><mo>&gt;</mo><mi>&amp;</mi>"))
        #expect(isWellFormedXML(mathML))
    }

    @Test func onlyMathMLCoreElementsAreUsed() throws {
        let core: Set<String> = ["math", "mi", "mn", "mo", "mtext", "mrow", "mfrac", "msub", "msup", "msubsup",
                                 "munder", "mover", "munderover", "msqrt", "mroot", "mtable", "mtr", "mtd",
                                 "mspace", "mstyle"]
        let sources = Self.cases.map(\.latex) + CourseFormulaTests.formulas
        for source in sources {
            let mathML = try LaTeX.toMathML(source, display: true)
            let names = mathML.split(separator: "<").compactMap { tag -> String? in
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter }
                return name.isEmpty ? nil : String(name)
            }
            #expect(Set(names).isSubset(of: core), "\(source)")
        }
    }
}
