/// The namespace for module-wide constants.
public enum PrimerFigures {
    /// The CSS the HTML site includes once for every figure. Text and axes use
    /// `currentColor`, so figures follow the page's light or dark theme; series colours are
    /// mid-tones that read on both.
    ///
    ///     <style>\(PrimerFigures.svgStylesheet)</style>
    public static let svgStylesheet: String = {
        var rules = [
            ".primer-figure{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px;color:inherit;max-width:100%;height:auto}",
            ".primer-figure text{fill:currentColor;stroke:none}",
            ".primer-figure .title{font-size:15px;font-weight:600}",
            ".primer-figure .axis-label{font-size:12px;opacity:.85}",
            ".primer-figure .tick{font-size:11px;opacity:.8}",
            ".primer-figure .axis{stroke:currentColor;stroke-width:1;fill:none}",
            ".primer-figure .grid{stroke:currentColor;stroke-opacity:.12;stroke-width:1}",
            ".primer-figure .frame{fill:none;stroke:currentColor;stroke-opacity:.35}",
            ".primer-figure .muted{opacity:.6}",
        ]
        for (index, color) in Palette.hex.enumerated() {
            rules.append(".primer-figure .s\(index){fill:\(color);stroke:\(color)}")
        }
        rules += [
            ".primer-figure .series-line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}",
            ".primer-figure .dot{stroke:none;fill-opacity:.85}",
            ".primer-figure .point{stroke:currentColor;stroke-width:.75;stroke-opacity:.6}",
            ".primer-figure .bar{fill-opacity:.8;stroke:none}",
            ".primer-figure .hist{fill-opacity:.45;stroke-width:1}",
            ".primer-figure .region{fill-opacity:.22;stroke:none}",
            ".primer-figure .heat{stroke:none}",
            ".primer-figure .heat-strong{fill:#fff}",
            ".primer-figure .node{fill:currentColor;fill-opacity:.06;stroke:currentColor;stroke-width:1.25}",
            ".primer-figure .edge{fill:none;stroke:currentColor;stroke-width:1.25;stroke-opacity:.8}",
            ".primer-figure .edge-thick{stroke-width:2.5}",
            ".primer-figure .edge-dotted{stroke-dasharray:4 3}",
            ".primer-figure .arrow{fill:currentColor;stroke:none;opacity:.8}",
            ".primer-figure .edge-label-bg{fill:Canvas;fill-opacity:.85;stroke:none}",
            ".primer-figure .cell-line{stroke:currentColor;stroke-opacity:.25}",
            ".primer-figure .header{font-weight:600}",
            ".primer-figure .legend-swatch{stroke:none}",
            ".primer-figure .pixels{image-rendering:pixelated}",
        ]
        return rules.joined(separator: "\n")
    }()
}
