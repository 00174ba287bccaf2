import Foundation
import PrimerFigures
import PrimerWire

/// A rich output of a cell, decoded once where it leaves the wire: every renderer switches
/// over these cases, so the compiler names the kinds a new renderer forgot.
///
///     let output = RichOutput(kind: RichKind.math, payload: Data("e^{i\\pi}".utf8))
///     if case .math(let latex) = output { print(latex) }     // e^{i\pi}
public enum RichOutput: Equatable, Sendable {
    /// A chart, table, image grid or diagram.
    case figure(Figure)
    /// A LaTeX formula, shown as display math.
    case math(String)
    /// A progress report; later reports of the same task replace earlier ones.
    case progress(ProgressPayload)
    /// Preformatted text that is not part of stdout (`show(model)`).
    case text(String)
    /// A kind this version of Primer does not know (a newer cell module), or a payload that
    /// did not decode; kept so that nothing is lost, shown as a note.
    case unknown(kind: String, payload: Data)

    /// Decodes a wire record's payload into its typed form.
    public init(kind: String, payload: Data) {
        switch kind {
        case RichKind.math: self = .math(String(decoding: payload, as: UTF8.self))
        case RichKind.text: self = .text(String(decoding: payload, as: UTF8.self))
        case RichKind.progress:
            if let progress = try? JSONDecoder().decode(ProgressPayload.self, from: payload) { self = .progress(progress) }
            else { self = .unknown(kind: kind, payload: payload) }
        case RichKind.figure:
            if let figure = try? JSONDecoder().decode(Figure.self, from: payload) { self = .figure(figure) }
            else { self = .unknown(kind: kind, payload: payload) }
        default: self = .unknown(kind: kind, payload: payload)
        }
    }

    /// What a renderer shows for an output it cannot draw.
    public var unknownNote: String? {
        guard case .unknown(let kind, _) = self else { return nil }
        return "(an output of kind `\(kind)` that this version of Primer cannot show)"
    }
}

extension RichOutput: Codable {
    private enum CodingKeys: String, CodingKey { case figure, math, progress, text, unknownKind, unknownPayload }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let figure = try c.decodeIfPresent(Figure.self, forKey: .figure) { self = .figure(figure) }
        else if let latex = try c.decodeIfPresent(String.self, forKey: .math) { self = .math(latex) }
        else if let progress = try c.decodeIfPresent(ProgressPayload.self, forKey: .progress) { self = .progress(progress) }
        else if let text = try c.decodeIfPresent(String.self, forKey: .text) { self = .text(text) }
        else {
            self = .unknown(kind: try c.decode(String.self, forKey: .unknownKind),
                            payload: try c.decode(Data.self, forKey: .unknownPayload))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .figure(let figure): try c.encode(figure, forKey: .figure)
        case .math(let latex): try c.encode(latex, forKey: .math)
        case .progress(let progress): try c.encode(progress, forKey: .progress)
        case .text(let text): try c.encode(text, forKey: .text)
        case .unknown(let kind, let payload):
            try c.encode(kind, forKey: .unknownKind)
            try c.encode(payload, forKey: .unknownPayload)
        }
    }
}
