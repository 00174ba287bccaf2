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

    @Test(arguments: formulas)
    func rendersAsWellFormedMathML(_ source: String) throws {
        for display in [false, true] {
            let mathML = try LaTeX.toMathML(source, display: display)
            #expect(isWellFormedXML(mathML), "\(mathML)")
        }
    }

    @Test func printAll() throws {
        var page = "<!doctype html><meta charset=utf-8><style>math { font-family: 'Noto Sans Math', 'DejaVu Math TeX Gyre', math; }</style><body style='font-size:20px'>"
        let extra = [#"\begin{pmatrix} a & b \\ c & d \end{pmatrix} \begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix} \begin{vmatrix} a & b \\ c & d \end{vmatrix}"#,
                     #"|x| = \begin{cases} x & \text{if } x \ge 0 \\ -x & \text{otherwise} \end{cases}"#,
                     #"\begin{aligned} a &= b + c \\ &= d \end{aligned}"#,
                     #"\left( \frac{a}{b} \right) \left\langle x, y \right\rangle \left\lfloor x \right\rfloor \big( \Big( \bigg( \Bigg( x"#,
                     #"\hat{x} \bar{x} \tilde{x} \vec{v} \dot{x} \ddot{x} \overline{AB} \underline{ab} \sqrt[3]{x} \nabla_\theta J \mathbb{R}^n \mathfrak{g} \mathbf{W} \boldsymbol{\mu} \mathsf{A} x^{(i)} f'(x)"#,
                     #"\int_0^1 f(x)\,dx \oint \prod_{i=1}^n \lim_{n \to \infty} \arg\max_\theta p \sum\limits_i \mathop{E}_x"#]
        for source in Self.formulas + extra {
            print(try LaTeX.toUnicode(source))
            page += "<p>" + (try LaTeX.toMathML(source, display: false)) + "</p>" + (try LaTeX.toMathML(source, display: true))
        }
        try page.write(toFile: "/tmp/math-preview.html", atomically: true, encoding: .utf8)
    }
}

/// Whether `text` parses as XML with Foundation's parser.
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}
