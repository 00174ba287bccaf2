import Testing
@testable import PrimerKit

/// Paragraphs wrap at the terminal's width in English and in Chinese.
@Suite struct ProseWrappingTests {
    func lines(_ text: String, width: Int) -> [String] {
        var words = ProseWords()
        words.add(text: text)
        return words.wrapped(width: width)
    }

    @Test func chineseBreaksBetweenCharactersAndCountsTwoColumnsEach() {
        let text = "卷积神经网络通过共享卷积核来减少参数的数量，这是它在图像任务上表现出色的原因之一。"
        let wrapped = lines(text, width: 20)
        #expect(wrapped.count > 1)
        #expect(wrapped.allSatisfy { TextWidth.of($0) <= 20 }, "\(wrapped)")
        #expect(wrapped.joined() == text, "no spaces are added between characters")
        // Closing punctuation never starts a line.
        #expect(wrapped.dropFirst().allSatisfy { !ProseWords.closesLeft($0) }, "\(wrapped)")
    }

    @Test func openingPunctuationNeverEndsALine() {
        // Without the rule the first line would end in （ ("直到以假乱真（" fills 14 of the 16 columns).
        let wrapped = lines("直到以假乱真（Goodfellow）。", width: 16)
        #expect(wrapped.allSatisfy { !$0.hasSuffix("（") }, "\(wrapped)")
        #expect(wrapped.allSatisfy { TextWidth.of($0) <= 16 }, "\(wrapped)")
        #expect(wrapped.joined() == "直到以假乱真（Goodfellow）。")
    }

    @Test func latinWordsInsideChineseKeepTheirSpaces() {
        let wrapped = lines("卷积神经网络 (CNN) shares its kernels.", width: 12)
        #expect(wrapped == ["卷积神经网络", "(CNN) shares", "its kernels."])
    }

    @Test func englishWrapsAtSpaces() {
        #expect(lines("one two three four five", width: 9) == ["one two", "three", "four five"])
    }

    @Test func aPercentSignKeepsItsSpaceButNeverStartsALine() {
        #expect(lines("reached 82.3 % today", width: 40) == ["reached 82.3 % today"])
        #expect(lines("reached 82.3 % today", width: 12) == ["reached", "82.3 % today"])
    }

    @Test func softBreaksJoinWideCharactersAndSeparateWords() {
        var words = ProseWords()
        words.add(text: "深度")
        words.addSoftBreak()
        words.add(text: "学习 and")
        words.addSoftBreak()
        words.add(text: "more")
        #expect(words.wrapped(width: 80) == ["深度学习 and more"])
    }

    @Test func styledPiecesStayWholeAndJoinWhatTouchesThem() {
        var words = ProseWords()
        words.add(text: "see (")
        words.add(unbroken: "code")
        words.add(text: "), then")
        #expect(words.wrapped(width: 80) == ["see (code), then"])
    }
}
