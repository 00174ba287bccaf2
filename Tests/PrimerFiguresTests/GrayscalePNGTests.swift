import Foundation
import Testing
@testable import PrimerFigures

@Suite struct GrayscalePNGTests {
    @Test func checksumsMatchKnownValues() {
        #expect(GrayscalePNG.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(GrayscalePNG.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func fileHasSignatureHeaderAndEnd() {
        let png = [UInt8](GrayscalePNG.encode(width: 3, height: 2, pixels: [0, 128, 255, 255, 128, 0]))
        #expect(Array(png.prefix(8)) == [137, 80, 78, 71, 13, 10, 26, 10])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(Array(png[16..<24]) == [0, 0, 0, 3, 0, 0, 0, 2])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    @Test func storedBlocksSplitAt65535Bytes() {
        let data = (0..<70_000).map { UInt8($0 % 251) }
        let stream = GrayscalePNG.zlibStored(data)
        #expect(stream.count == 2 + (5 + 65_535) + (5 + 4_465) + 4)
        #expect(stream[2] == 0 && stream[2 + 5 + 65_535] == 1)  // only the second block is final
        #expect(Array(stream[3..<7]) == [0xFF, 0xFF, 0x00, 0x00])
    }

    @Test func imageGridEmbedsOnePNGPerImage() {
        let svg = SampleFigures.digits.renderSVG()
        #expect(svg.components(separatedBy: "data:image/png;base64,").count - 1 == SampleFigures.digits.images.count)
    }
}
