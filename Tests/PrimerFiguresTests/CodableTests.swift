import Foundation
import Testing
@testable import PrimerFigures

@Suite struct CodableTests {
    @Test(arguments: SampleFigures.all.map(\.name))
    func everyKindRoundTrips(name: String) throws {
        let figure = SampleFigures.all.first { $0.name == name }!.figure
        let data = try JSONEncoder().encode(figure)
        let back = try JSONDecoder().decode(Figure.self, from: data)
        #expect(back == figure)
        #expect(back.renderText(width: 60, color: true) == figure.renderText(width: 60, color: true))
    }

    @Test func kindIsNamedInTheJSON() throws {
        let json = String(decoding: try JSONEncoder().encode(Figure.bar(SampleFigures.accuracies)), as: UTF8.self)
        #expect(json.contains("\"kind\":\"bar\""))
    }

    @Test func unknownKindIsADecodingError() {
        let json = #"{"kind":"pie","figure":{}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Figure.self, from: Data(json.utf8)) }
    }

    @Test func chartWithNaNStillEncodesWithTheDefaultEncoder() throws {
        let figure = Figure.line(LineChart(series: [Series("loss", [1, .nan, 0.5])]))
        let back = try JSONDecoder().decode(Figure.self, from: try JSONEncoder().encode(figure))
        #expect(back.renderText(width: 50, color: false) == figure.renderText(width: 50, color: false))
    }
}
