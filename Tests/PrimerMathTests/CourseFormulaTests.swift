import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PrimerMath

/// The formulas the course uses: each must parse, give well-formed MathML, and read well as text.
@Suite struct CourseFormulaTests {
    static let formulas: [String] = [
        #"\min_G \max_D V(D,G) = \mathbb{E}_{x \sim p_{data}(x)}[\log D(x)] + \mathbb{E}_{z \sim p_z(z)}[\log(1 - D(G(z)))]"#,
        #"-\mathbb{E}_{z \sim p_z}[\log D(G(z))]"#,
        #"h_t = \tanh(W h_{t-1} + U x_t + b)"#,
        #"(I * K)_{i,j} = \sum_{m}\sum_{n} I_{i+m,\,j+n} K_{m,n}"#,
        #"y_{i,j} = \max_{0 \le m,n < k} x_{s i + m,\, s j + n}"#,
        #"f_t = \sigma(W_f [h_{t-1}, x_t] + b_f)"#,
        #"i_t = \sigma(W_i [h_{t-1}, x_t] + b_i)"#,
        #"\tilde{c}_t = \tanh(W_c [h_{t-1}, x_t] + b_c)"#,
        #"c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t"#,
        #"o_t = \sigma(W_o [h_{t-1}, x_t] + b_o), \quad h_t = o_t \odot \tanh(c_t)"#,
        #"\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}"#,
        #"\mathcal{L}_{\text{CE}} = -\sum_{i=1}^{N} \sum_{k=1}^{K} y_{i,k} \log \hat{y}_{i,k}"#,
        #"\sigma(z) = \frac{1}{1 + e^{-z}}"#,
        #"\min_{w,b} \frac{1}{2}\lVert w \rVert^2 + C \sum_i \xi_i"#,
        #"G = 1 - \sum_{k=1}^{K} p_k^2"#,
        #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
        #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
        #"\theta_t = \theta_{t-1} - \alpha \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}"#,
    ]

    /// Further formulas a course on deep learning and classical ML is likely to need.
    static let additionalFormulas: [String] = [
        #"\mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2"#,
        #"\hat{w} = (X^\top X + \lambda I)^{-1} X^\top y"#,
        #"\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V"#,
        #"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}} \cdot \frac{\partial \hat{y}}{\partial w}"#,
        #"D_{\mathrm{KL}}(P \parallel Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}"#,
        #"\hat{x}_i = \frac{x_i - \mu_\mathcal{B}}{\sqrt{\sigma_\mathcal{B}^2 + \epsilon}}"#,
        #"\mathrm{ReLU}(x) = \max(0, x)"#,
        #"K(x, x') = \exp\left(-\frac{\|x - x'\|^2}{2\sigma^2}\right)"#,
        #"J = \sum_{k=1}^{K} \sum_{x \in C_k} \|x - \mu_k\|^2"#,
        #"\theta \leftarrow \theta - \eta \nabla_\theta \mathcal{L}(\theta)"#,
        #"\hat{y} = \arg\max_y P(y) \prod_{i=1}^{d} P(x_i \mid y)"#,
        #"z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}"#,
        #"P(y=1 \mid x) = \frac{1}{1 + \exp(-w^\top x)}"#,
    ]

    @Test(arguments: formulas + additionalFormulas)
    func rendersAsWellFormedMathML(_ source: String) throws {
        for display in [false, true] {
            let mathML = try LaTeX.toMathML(source, display: display)
            #expect(isWellFormedXML(mathML), "\(mathML)")
        }
    }

    /// How the course formulas read in a terminal.
    static let expectedText: [String] = [
        "min_G max_D V(D, G) = 𝔼_(x∼p_(data)(x))[log D(x)] + 𝔼_(z∼p_z(z))[log(1 − D(G(z)))]",
        "−𝔼_(z∼p_z)[log D(G(z))]",
        "hₜ = tanh(W hₜ₋₁ + U xₜ + b)",
        "(I ∗ K)_(i,j) = ∑ₘ ∑ₙ I_(i+m, j+n) K_(m,n)",
        "y_(i,j) = max_(0≤m,n<k) x_(si+m, sj+n)",
        "fₜ = σ(W_f[hₜ₋₁, xₜ] + b_f)",
        "iₜ = σ(Wᵢ[hₜ₋₁, xₜ] + bᵢ)",
        "c̃ₜ = tanh(W_c[hₜ₋₁, xₜ] + b_c)",
        "cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ c̃ₜ",
        "oₜ = σ(Wₒ[hₜ₋₁, xₜ] + bₒ),  hₜ = oₜ ⊙ tanh(cₜ)",
        "softmax(z)ᵢ = e^(zᵢ)/(∑ⱼ₌₁ᴷ e^(zⱼ))",
        "ℒ_(CE) = −∑ᵢ₌₁ᴺ ∑ₖ₌₁ᴷ y_(i,k) log ŷ_(i,k)",
        "σ(z) = 1/(1 + e⁻ᶻ)",
        "min_(w,b) 1/2 ‖w‖² + C ∑ᵢ ξᵢ",
        "G = 1 − ∑ₖ₌₁ᴷ pₖ²",
        "mₜ = β₁ mₜ₋₁ + (1 − β₁) gₜ",
        "m̂ₜ = mₜ/(1 − β₁ᵗ),  v̂ₜ = vₜ/(1 − β₂ᵗ)",
        "θₜ = θₜ₋₁ − α m̂ₜ/(√v̂ₜ + ϵ)",
    ]

    @Test(arguments: formulas.indices)
    func readsWellAsText(_ index: Int) throws {
        #expect(try LaTeX.toUnicode(Self.formulas[index]) == Self.expectedText[index])
    }

    @Test func ganObjectivePutsLimitsUnderInDisplayOnly() throws {
        let display = try LaTeX.toMathML(Self.formulas[0], display: true)
        let inline = try LaTeX.toMathML(Self.formulas[0], display: false)
        #expect(display.contains("<munder><mi>min</mi><mi>G</mi></munder><mo>&#x2061;</mo>"))
        #expect(inline.contains("<msub><mi>min</mi><mi>G</mi></msub><mo>&#x2061;</mo>"))
        #expect(display.contains("<mi>𝔼</mi>"))
    }

    @Test func formulasFoundInAChapterAllRender() throws {
        let chapter = Self.formulas.enumerated().map { index, formula in
            index.isMultiple(of: 2) ? "Inline $\(formula)$ in text." : "$$\n\(formula)\n$$"
        }.joined(separator: "\n\n")
        let protected = MathScanner.protect(chapter)
        #expect(protected.formulas.count == Self.formulas.count)
        for formula in protected.formulas {
            #expect(isWellFormedXML(try LaTeX.toMathML(formula.latex, display: formula.display)))
        }
    }
}

/// Whether `text` parses as XML with Foundation's parser.
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}
