import Foundation
import PrimerFigures
import PrimerWire

/// Shows a figure, table or diagram: drawn with Unicode in the terminal, as SVG (with the text
/// version a click away) on the page.
///
///     show(LineChart(title: "Loss", xLabel: "epoch") { Series("train", trainLoss); Series("validation", validLoss) })
///     show(Table(headers: ["model", "accuracy"], rows: [["SVM", "0.87"]]))
public func show(_ figure: Figure) {
    guard let data = try? JSONEncoder().encode(figure) else {
        print(figure.renderText(width: 80, color: false))
        return
    }
    OutputChannel.sendRich(kind: RichKind.figure, payload: data) { figure.renderText(width: 80, color: false) }
}

/// Shows any figure kind: `LineChart`, `ScatterPlot`, `DecisionRegions`, `Histogram`,
/// `BarChart`, `Heatmap`, `ImageGrid`, `Table` or `Diagram`.
public func show(_ figure: some FigureConvertible) { show(figure.figure) }

/// Shows a formula, typeset: MathML on the page, readable Unicode in the terminal.
///
///     showMath(#"\sigma(z) = \frac{1}{1 + e^{-z}}"#)
public func showMath(_ latex: String) {
    OutputChannel.sendRich(kind: RichKind.math, payload: Data(latex.utf8)) { latex }
}

/// Shows preformatted text as its own block, apart from what the cell prints (and not part of
/// the text an `output` block is compared with).
///
///     show(text: model.description)
public func show(text: String) {
    OutputChannel.sendRich(kind: RichKind.text, payload: Data(text.utf8)) { text }
}

/// Draws the regions a 2-D classifier assigns to each class, with the data points on top.
///
///     showDecisionRegions(title: "Logistic regression", points: x, labels: y) { point in
///         fitted.predict(point)
///     }
///
/// `points` are `[x, y]` pairs; `classify` is called for every cell of a `resolution` grid
/// that covers them with a margin.
public func showDecisionRegions(title: String = "", points: [[Double]], labels: [Int], classNames: [String] = [],
                                resolution: (columns: Int, rows: Int) = (72, 36),
                                classify: ([[Double]]) -> [Int]) {
    let xs = points.map { $0[0] }, ys = points.map { $0[1] }
    guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else { return }
    let padX = max(1e-9, (xMax - xMin) * 0.08), padY = max(1e-9, (yMax - yMin) * 0.08)
    let xRange = (xMin - padX)...(xMax + padX), yRange = (yMin - padY)...(yMax + padY)
    let centers = DecisionRegions.cellCenters(x: xRange, y: yRange, columns: resolution.columns, rows: resolution.rows)
    let classes = classify(centers.map { [$0.x, $0.y] })
    show(DecisionRegions(title: title, x: xRange, y: yRange, columns: resolution.columns, rows: resolution.rows,
                         classes: classes, pointsX: xs, pointsY: ys, pointLabels: labels, classNames: classNames))
}
