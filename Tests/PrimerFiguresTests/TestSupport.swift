import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PrimerFigures

/// The text with ANSI colour escapes removed.
func strippingANSI(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
}

/// The widest line of rendered text in display columns, colours ignored.
func widestLine(_ text: String) -> Int {
    strippingANSI(text).split(separator: "\n", omittingEmptySubsequences: false).map { displayWidth(String($0)) }.max() ?? 0
}

/// Parses markup with Foundation's XMLParser; returns the parse error, or nil when well-formed.
func xmlError(_ markup: String) -> Error? {
    let parser = XMLParser(data: Data(markup.utf8))
    return parser.parse() ? nil : (parser.parserError ?? CocoaError(.coderReadCorrupt))
}
