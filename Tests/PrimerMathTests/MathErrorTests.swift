import Foundation
import Testing
@testable import PrimerMath

/// Malformed or unsupported input throws `MathError` with a message and a column; never a crash.
@Suite struct MathErrorTests {
    static let cases: [(latex: String, column: Int, message: String)] = [
        (#"\frac{a}"#, 9, #"missing argument for \frac"#),
        (#"x^"#, 3, "missing argument for ^"),
        (#"{a + b"#, 7, "missing } to close the { at column 1"),
        (#"a + b}"#, 6, "unexpected }"),
        (#"\left( x"#, 9, #"\left( at column 1 has no matching \right"#),
        (#"x \right)"#, 3, #"\right without a matching \left"#),
        (#"\foo x"#, 1, #"unsupported command \foo"#),
        (#"x^a^b"#, 4, "double superscript"),
        (#"x_a_b"#, 4, "double subscript"),
        (#"a & b"#, 3, "outside an environment"),
        (#"\begin{pmatrix} a & b"#, 22, #"\begin{pmatrix} at column 1 has no matching \end{pmatrix}"#),
        (#"\begin{matrix} a \end{pmatrix}"#, 18, #"ended by \end{pmatrix}"#),
        (#"\begin{tabular} a \end{tabular}"#, 1, "unsupported environment tabular"),
        (#"\sqrt[3{x}"#, 11, "missing ]"),
        (#"\text x"#, 7, #"\text needs a {…} argument"#),
        (#"\left x \right)"#, 7, #"\left must be followed by a delimiter"#),
        (#"\not x"#, 1, #"\not must be followed by a relation"#),
        ("x \\", 3, "a backslash ends the formula"),
        (#"\begin{array}{lx} a \end{array}"#, 14, "unsupported array column 'x'"),
    ]

    @Test(arguments: cases.indices)
    func reportsMessageAndColumn(_ index: Int) {
        let (latex, column, message) = Self.cases[index]
        do {
            _ = try LaTeX.toMathML(latex, display: false)
            Issue.record("\(latex) should not parse")
        } catch let error as MathError {
            #expect(error.column == column, "\(latex): \(error)")
            #expect(error.message.contains(message), "\(latex): \(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unicodeRenderingThrowsTheSameErrors() {
        #expect(throws: MathError(#"missing argument for \frac"#, column: 9)) {
            try LaTeX.toUnicode(#"\frac{a}"#)
        }
    }

    @Test func descriptionNamesTheColumn() {
        #expect(MathError("oops", column: 4).description == "column 4: oops")
    }

    @Test func fallbackShowsTheEscapedSourceWithTheErrorAsTitle() {
        let html = LaTeX.fallbackHTML(source: #"a < \foo & b"#, error: MathError(#"unsupported command \foo"#, column: 5))
        #expect(html == #"<code class="math-error" title="column 5: unsupported command \foo">a &lt; \foo &amp; b</code>"#)
        #expect(LaTeX.fallbackHTML(source: "x") == #"<code class="math-error">x</code>"#)
        #expect(isWellFormedXML(html))
    }

    @Test func deepNestingThrowsInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000)
        #expect(throws: MathError.self) { try LaTeX.toMathML(deep, display: false) }
        let fractions = String(repeating: #"\frac{1}{"#, count: 1000) + "x" + String(repeating: "}", count: 1000)
        #expect(throws: MathError.self) { try LaTeX.toUnicode(fractions) }
        let scripts = String(repeating: "x^{", count: 1000) + "x" + String(repeating: "}", count: 1000)
        #expect(throws: MathError.self) { try LaTeX.toMathML(scripts, display: true) }
        let reasonable = String(repeating: "{", count: 45) + "x" + String(repeating: "}", count: 45)
        #expect(throws: Never.self) { try LaTeX.toMathML(reasonable, display: false) }
    }

    /// Random garbage built from LaTeX's special characters must throw or render, never trap.
    @Test func arbitraryInputNeverCrashes() {
        let pieces = ["\\frac", "{", "}", "^", "_", "&", "\\\\", "\\left(", "\\right)", "x", "1", "\\begin{matrix}",
                      "\\end{matrix}", "\\sqrt[", "]", "'", "\\text{", "$", "\\", " ", "\\mathbb", "\\sum", "\\middle|"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var source = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                source += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            if let mathML = try? LaTeX.toMathML(source, display: true) {
                #expect(isWellFormedXML(mathML), "\(source)")
                _ = try? LaTeX.toUnicode(source)
            }
        }
    }
}
