/// `Figure` travels as `{"kind": "line", "figure": {…}}`, readable in a debugger and stable
/// when cases are added.
extension Figure: Codable {
    private enum CodingKeys: String, CodingKey { case kind, figure }

    private var kind: String {
        switch self {
        case .line: return "line"
        case .scatter: return "scatter"
        case .decisionRegions: return "decisionRegions"
        case .histogram: return "histogram"
        case .bar: return "bar"
        case .heatmap: return "heatmap"
        case .images: return "images"
        case .table: return "table"
        case .diagram: return "diagram"
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "line": self = .line(try container.decode(LineChart.self, forKey: .figure))
        case "scatter": self = .scatter(try container.decode(ScatterPlot.self, forKey: .figure))
        case "decisionRegions": self = .decisionRegions(try container.decode(DecisionRegions.self, forKey: .figure))
        case "histogram": self = .histogram(try container.decode(Histogram.self, forKey: .figure))
        case "bar": self = .bar(try container.decode(BarChart.self, forKey: .figure))
        case "heatmap": self = .heatmap(try container.decode(Heatmap.self, forKey: .figure))
        case "images": self = .images(try container.decode(ImageGrid.self, forKey: .figure))
        case "table": self = .table(try container.decode(Table.self, forKey: .figure))
        case "diagram": self = .diagram(try container.decode(Diagram.self, forKey: .figure))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown figure kind \"\(kind)\"")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .line(let figure): try container.encode(figure, forKey: .figure)
        case .scatter(let figure): try container.encode(figure, forKey: .figure)
        case .decisionRegions(let figure): try container.encode(figure, forKey: .figure)
        case .histogram(let figure): try container.encode(figure, forKey: .figure)
        case .bar(let figure): try container.encode(figure, forKey: .figure)
        case .heatmap(let figure): try container.encode(figure, forKey: .figure)
        case .images(let figure): try container.encode(figure, forKey: .figure)
        case .table(let figure): try container.encode(figure, forKey: .figure)
        case .diagram(let figure): try container.encode(figure, forKey: .figure)
        }
    }
}
