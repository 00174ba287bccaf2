/// What every figure kind can do: draw itself as terminal text or as an SVG element.
public protocol RenderableFigure {
    /// Terminal text no wider than `width` display columns; ANSI colours only when `color`.
    func renderText(width: Int, color: Bool) -> String
    /// A self-contained `<svg>` element; `embedStylesheet` adds `PrimerFigures.svgStylesheet`
    /// inside it so the file stands alone (the site includes the stylesheet once instead).
    func renderSVG(embedStylesheet: Bool) -> String
}

extension RenderableFigure {
    /// A self-contained `<svg>` element styled by the site's `PrimerFigures.svgStylesheet`.
    public func renderSVG() -> String { renderSVG(embedStylesheet: false) }
}

/// Any figure a cell can show, as one value that travels JSON-encoded from a running chapter
/// to the runner, which renders it in the terminal or in the HTML site.
///
///     let figure = Figure.line(LineChart(title: "Loss") { Series("train", losses) })
///     let data = try JSONEncoder().encode(figure)
///     let back = try JSONDecoder().decode(Figure.self, from: data)
///     print(back.renderText(width: 80, color: false))
public enum Figure: Equatable, Sendable, RenderableFigure {
    case line(LineChart)
    case scatter(ScatterPlot)
    case decisionRegions(DecisionRegions)
    case histogram(Histogram)
    case bar(BarChart)
    case heatmap(Heatmap)
    case images(ImageGrid)
    case table(Table)
    case diagram(Diagram)

    /// The figure's own value, for rendering.
    private var content: RenderableFigure {
        switch self {
        case .line(let figure): return figure
        case .scatter(let figure): return figure
        case .decisionRegions(let figure): return figure
        case .histogram(let figure): return figure
        case .bar(let figure): return figure
        case .heatmap(let figure): return figure
        case .images(let figure): return figure
        case .table(let figure): return figure
        case .diagram(let figure): return figure
        }
    }

    public func renderText(width: Int, color: Bool) -> String {
        content.renderText(width: max(1, width), color: color)
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        content.renderSVG(embedStylesheet: embedStylesheet)
    }

    /// The markup the HTML site places in the page: a `<table>` for tables, SVG otherwise.
    public func renderHTML() -> String {
        if case .table(let table) = self { return table.html() }
        return renderSVG()
    }
}

/// A value that can be shown as a `Figure`; every figure kind is one, so a cell helper can
/// take any of them.
///
///     func show(_ value: some FigureConvertible) { send(value.figure) }
///     show(BarChart(labels: ["a"], values: [1]))
public protocol FigureConvertible {
    var figure: Figure { get }
}

extension Figure: FigureConvertible { public var figure: Figure { self } }
extension LineChart: FigureConvertible { public var figure: Figure { .line(self) } }
extension ScatterPlot: FigureConvertible { public var figure: Figure { .scatter(self) } }
extension DecisionRegions: FigureConvertible { public var figure: Figure { .decisionRegions(self) } }
extension Histogram: FigureConvertible { public var figure: Figure { .histogram(self) } }
extension BarChart: FigureConvertible { public var figure: Figure { .bar(self) } }
extension Heatmap: FigureConvertible { public var figure: Figure { .heatmap(self) } }
extension ImageGrid: FigureConvertible { public var figure: Figure { .images(self) } }
extension Table: FigureConvertible { public var figure: Figure { .table(self) } }
extension Diagram: FigureConvertible { public var figure: Figure { .diagram(self) } }
