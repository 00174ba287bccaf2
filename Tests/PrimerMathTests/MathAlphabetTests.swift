import Testing
@testable import PrimerMath

@Suite struct MathAlphabetTests {
    @Test func doubleStruckUsesTheBasicPlaneLettersWhereTheyExist() {
        #expect(MathAlphabet.doubleStruck.styled("E") == "𝔼")
        #expect(MathAlphabet.doubleStruck.styled("RNZQCHP") == "ℝℕℤℚℂℍℙ")
        #expect(MathAlphabet.doubleStruck.styled("1") == "𝟙")
    }

    @Test func scriptAndFrakturExceptions() {
        #expect(MathAlphabet.script.styled("N") == "𝒩")
        #expect(MathAlphabet.script.styled("BEFHILMR") == "ℬℰℱℋℐℒℳℛ")
        #expect(MathAlphabet.fraktur.styled("CHIRZ") == "ℭℌℑℜℨ")
        #expect(MathAlphabet.fraktur.styled("g") == "𝔤")
    }

    @Test func boldItalicSansAndMonospace() {
        #expect(MathAlphabet.bold.styled("Wx0") == "𝐖𝐱𝟎")
        #expect(MathAlphabet.italic.styled("h") == "ℎ")
        #expect(MathAlphabet.boldItalic.styled("μ") == "𝝁")
        #expect(MathAlphabet.sansSerif.styled("A") == "𝖠")
        #expect(MathAlphabet.monospace.styled("a") == "𝚊")
        #expect(MathAlphabet.roman.styled("d") == "d")
        #expect(MathAlphabet.doubleStruck.styled("+") == "+")
    }
}
