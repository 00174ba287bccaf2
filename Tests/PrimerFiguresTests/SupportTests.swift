import Foundation
import Testing
@testable import PrimerFigures

@Suite struct NumberFormattingTests {
    @Test func tickLabelsHaveNoFloatingPointNoise() {
        #expect(NumberFormat.tick(0.1 + 0.2, step: 0.1) == "0.3")
        #expect(NumberFormat.tick(3, step: 1) == "3")
        #expect(NumberFormat.tick(0.25, step: 0.05) == "0.25")
        #expect(NumberFormat.tick(-0.0000001, step: 0.5) == "0.0")
        #expect(NumberFormat.tick(2000, step: 500) == "2000")
    }

    @Test func compactNumbers() {
        #expect(NumberFormat.compact(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.compact(2) == "2")
        #expect(NumberFormat.compact(-0.0) == "0")
        #expect(NumberFormat.compact(1234.5678) == "1234.6")
        #expect(NumberFormat.compact(0.9912, significant: 4) == "0.9912")
        #expect(NumberFormat.compact(0.000012) == "1.2e-5")
        #expect(NumberFormat.compact(3.5e7) == "35000000")
        #expect(NumberFormat.compact(2.5e12) == "2.5e12")
        #expect(NumberFormat.compact(.nan) == "NaN")
    }
}

@Suite struct NiceScaleTests {
    @Test func stepsAreOneTwoFive() {
        #expect(NiceScale.niceStep(for: 0.3) == 0.5)
        #expect(NiceScale.niceStep(for: 0.12) == 0.2)
        #expect(NiceScale.niceStep(for: 7) == 10)
        #expect(NiceScale.niceStep(for: 1) == 1)
        #expect(NiceScale.niceStep(for: 0) == 1)
    }

    @Test func rangeWidensToRoundTicks() {
        let scale = NiceScale(covering: [0.13, 0.87], tickCount: 6)
        #expect(scale.step == 0.2)
        #expect(scale.ticks.map { scale.label($0) } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(scale.lower == 0 && scale.upper == 1)
    }

    @Test func nonFiniteAndConstantInputs() {
        let scale = NiceScale(covering: [.nan, 5, .infinity, 5], tickCount: 5)
        #expect(scale.lower < 5 && scale.upper > 5)
        #expect(scale.ticks.allSatisfy { $0.isFinite })
        let empty = NiceScale(covering: [], tickCount: 5)
        #expect(empty.lower == 0 && empty.upper == 1)
    }

    @Test func exactScaleKeepsItsBoundsAndTicksInside() {
        let scale = NiceScale(exactly: -1.5, 1.5, tickCount: 4)
        #expect(scale.lower == -1.5 && scale.upper == 1.5)
        #expect(scale.ticks == [-1, 0, 1])
    }
}

@Suite struct DisplayWidthTests {
    @Test func countsWideCharactersAsTwoColumns() {
        #expect(displayWidth("loss") == 4)
        #expect(displayWidth("损失") == 4)
        #expect(displayWidth("한국어") == 6)
        #expect(displayWidth("ｆｕｌｌ") == 8)
        #expect(displayWidth("カタカナ") == 8)
        #expect(displayWidth("🙂") == 2)
        #expect(displayWidth("e\u{301}") == 1)
        #expect(displayWidth("x₁") == 2)
        #expect(displayWidth("") == 0)
    }

    @Test func truncationAndPaddingRespectColumns() {
        #expect("validation".truncated(toWidth: 6) == "valid…")
        #expect("准确率高".truncated(toWidth: 5) == "准确…")
        #expect(displayWidth("准确率".padded(toWidth: 8, alignment: .right)) == 8)
        #expect("ab".padded(toWidth: 6, alignment: .center) == "  ab  ")
    }

    @Test func canvasNeverSplitsAWideCharacter() {
        var canvas = TextCanvas(width: 5, height: 1)
        canvas.write("准确率", x: 0, y: 0)
        #expect(canvas.render(color: false) == "准确")
        canvas.put("x", x: 1, y: 0)
        #expect(canvas.render(color: false) == " x确")
    }
}

@Suite struct FiniteValuesCodingTests {
    @Test func nonFiniteValuesTravelAsNull() throws {
        let series = Series("loss", [1, .nan, .infinity, 0.5])
        let json = String(decoding: try JSONEncoder().encode(series), as: UTF8.self)
        #expect(json.contains("[1,null,null,0.5]"))
        let back = try JSONDecoder().decode(Series.self, from: Data(json.utf8))
        #expect(back.y[0] == 1 && back.y[1].isNaN && back.y[2].isNaN && back.y[3] == 0.5)
    }
}

@Suite struct IntegralScaleTests {
    @Test func wholeNumberDataGetsWholeNumberTicks() {
        let epochs = NiceScale(covering: [1, 2, 3], tickCount: 10)
        #expect(epochs.step == 1)
        #expect(epochs.ticks.map { epochs.label($0) } == ["1", "2", "3"])
        let fractional = NiceScale(covering: [1, 2.5], tickCount: 10)
        #expect(fractional.step < 1)
    }
}
