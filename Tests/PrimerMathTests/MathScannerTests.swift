import Foundation
import Testing
@testable import PrimerMath

@Suite struct MathScannerTests {
    private func latex(_ markdown: String) -> [String] {
        MathScanner.protect(markdown).formulas.map(\.latex)
    }

    @Test func inlineDollarsFollowPandocRules() {
        #expect(latex("Energy $E = mc^2$ here") == ["E = mc^2"])
        #expect(latex("costs $5 and $10") == [])
        #expect(latex("costs $5 and $10, but $a_1$.") == ["a_1"])
        #expect(latex("$ x$ is not math") == [])
        #expect(latex("$x $ is not math") == [])
        #expect(latex("$x$5 is not math") == [])
        #expect(latex("end with $x$.") == ["x"])
        #expect(latex("two $a$, $b$; done") == ["a", "b"])
        #expect(latex("word$x$word") == ["x"])
    }

    @Test func aCodeSpanEndsAPossibleFormula() {
        // The dollar before the code span cannot close inside it: code wins, as in Pandoc.
        #expect(latex("costs $10 stay text, and `$x$` is code") == [])
        #expect(latex("costs $10 stay text, and `$x$` is code, but $y$ is math") == ["y"])
    }

    @Test func escapedDollarIsLiteralAndKeepsItsBackslash() {
        let protected = MathScanner.protect(#"price \$5 and $\$x$ and \\$y$"#)
        #expect(protected.formulas.map(\.latex) == [#"\$x"#, "y"])
        #expect(protected.text.hasPrefix(#"price \$5 and "#))
    }

    @Test func codeSpansAreNotMath() {
        #expect(latex("use `$x$` or ``a ` $y$`` then $z$") == ["z"])
        #expect(latex("an unclosed ` backtick $w$") == ["w"])
        let protected = MathScanner.protect("`$x$`")
        #expect(protected.text == "`$x$`")
    }

    @Test func fencedAndIndentedCodeBlocksAreNotMath() {
        let markdown = """
        before $a$

        ```swift
        let price = "$x$"
        ```

        ~~~~
        $y$
        ~~~~

            $indented$

        after $b$
        """
        #expect(latex(markdown) == ["a", "b"])
        #expect(MathScanner.protect(markdown).text.contains("let price = \"$x$\""))
    }

    @Test func indentedContinuationOfAListItemIsNotCode() {
        let markdown = "1. Item\n\n    more $x$ here"
        #expect(latex(markdown) == ["x"])
    }

    @Test func displayMathMaySpanLinesAndKeepsLineNumbers() {
        let markdown = "Intro $a$\n\n$$\nx = \\frac{1}{2}\n$$\n\nAfter $b$ text\n"
        let protected = MathScanner.protect(markdown)
        #expect(protected.formulas == [
            Formula(latex: "a", display: false, line: 1),
            Formula(latex: "\nx = \\frac{1}{2}\n", display: true, line: 3),
            Formula(latex: "b", display: false, line: 7),
        ])
        let original = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let protectedLines = protected.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(protectedLines.count == original.count)
        #expect(protectedLines[6].hasPrefix("After "))
    }

    @Test func displayMathOnOneLineInsideText() {
        let protected = MathScanner.protect("see $$\\sum_i x_i$$ and $y$")
        #expect(protected.formulas.map(\.display) == [true, false])
        #expect(protected.text == "see \(protected.placeholder(forFormulaAt: 0)) and \(protected.placeholder(forFormulaAt: 1))")
    }

    @Test func mathDoesNotCrossABlankLine() {
        #expect(latex("open $x\n\nclose$") == [])
        #expect(latex("open $$x\n\ny$$") == [])
        #expect(latex("inline $a +\nb$ over a soft break") == ["a +\nb"])
    }

    @Test func placeholdersAreLettersAndDigitsOnly() {
        let protected = MathScanner.protect("# Head $a$\n\n| $b$ | c |\n|---|---|\n\n- [link $c$](u)\n\n$$d$$")
        #expect(protected.formulas.count == 4)
        for index in protected.formulas.indices {
            let placeholder = protected.placeholder(forFormulaAt: index)
            #expect(placeholder.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit })
            #expect(protected.text.contains(placeholder))
        }
        #expect(protected.continuationToken.allSatisfy { $0.isASCIILetter })
        #expect(!protected.text.contains("$"))
    }

    @Test func prefixNeverCollidesWithAuthoredText() {
        let markdown = "MathPh and MathPha appear in the text, with $x$"
        let protected = MathScanner.protect(markdown)
        #expect(!markdown.contains(protected.prefix))
        #expect(protected.split(protected.text) == [
            .text("MathPh and MathPha appear in the text, with "),
            .math(Formula(latex: "x", display: false, line: 1)),
        ])
    }

    @Test func splitFindsPlaceholdersInTextNodes() {
        let protected = MathScanner.protect("a $x$ b $$y$$c")
        let x = Formula(latex: "x", display: false, line: 1)
        let y = Formula(latex: "y", display: true, line: 1)
        #expect(protected.split(protected.text) == [.text("a "), .math(x), .text(" b "), .math(y), .text("c")])
        #expect(protected.split("no math") == [.text("no math")])
        #expect(protected.split("") == [])
        #expect(protected.split(protected.prefix + "M99Q") == [.text(protected.prefix + "M99Q")])
    }

    @Test func continuationTokensAreDroppedBySplit() {
        let protected = MathScanner.protect("$$\na\n$$ tail")
        let lines = protected.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(protected.split(lines[2]) == [.text(" tail")])
        #expect(protected.split(lines[1]) == [])
    }

    @Test func standaloneDisplayFormulaIsRecognisedAsABlock() {
        let protected = MathScanner.protect("$$\nE = mc^2\n$$\n\ntext $$a$$ more\n\n$b$")
        let paragraphs = protected.text.components(separatedBy: "\n\n")
        #expect(protected.standaloneDisplayFormula(in: paragraphs[0])?.latex == "\nE = mc^2\n")
        #expect(protected.standaloneDisplayFormula(in: paragraphs[1]) == nil)
        #expect(protected.standaloneDisplayFormula(in: paragraphs[2]) == nil)
    }

    @Test func listItemsKeepTheirIndentationAcrossDisplayMath() {
        let protected = MathScanner.protect("- item\n  $$\n  a\n  $$\n- next $c$")
        let lines = protected.text.split(separator: "\n").map(String.init)
        #expect(lines[2] == "  " + protected.continuationToken)
        #expect(lines[4].hasPrefix("- next "))
        #expect(protected.formulas.map(\.line) == [2, 5])
    }
}

@Suite struct MathScannerLineEndingTests {
    @Test func windowsLineEndingsKeepLineNumbers() {
        let protected = MathScanner.protect("a $x$\r\n\r\n$$\r\ny\r\n$$\r\nlast $z$\r\n")
        #expect(protected.formulas.map(\.line) == [1, 3, 6])
        #expect(protected.formulas[1].display)
        #expect(protected.text.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
    }
}
