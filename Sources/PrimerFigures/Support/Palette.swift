/// The colours that tell series and classes apart, the same order in the terminal and in SVG.
///
///     Palette.ansi(1)        // 208, an orange readable on dark and light terminals
///     Palette.cssClass(1)    // "s1", coloured by `PrimerFigures.svgStylesheet`
enum Palette {
    /// Mid-saturation colours that read on white and on near-black backgrounds.
    static let hex = ["#4e8fd6", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#49a9a0", "#d4b12e", "#ff8fa3"]
    /// The nearest xterm-256 colours, for foregrounds.
    static let ansiForeground: [UInt8] = [75, 208, 71, 167, 139, 73, 178, 211]
    /// Darker xterm-256 colours of the same hues, for backgrounds under bright markers.
    static let ansiBackground: [UInt8] = [24, 94, 22, 52, 53, 23, 58, 89]
    /// Marker glyphs that tell classes and series apart without colour.
    static let glyphs = ["*", "o", "+", "x", "#", "%", "@", "&"]
    /// Fill characters that tell regions apart without colour (lightest first).
    static let shades = ["·", ":", "-", "=", "~", "'", "^", ","]

    static func ansi(_ index: Int) -> UInt8 { ansiForeground[wrap(index)] }
    static func ansiDark(_ index: Int) -> UInt8 { ansiBackground[wrap(index)] }
    static func glyph(_ index: Int) -> String { glyphs[wrap(index)] }
    static func shade(_ index: Int) -> String { shades[wrap(index)] }
    static func cssClass(_ index: Int) -> String { "s\(wrap(index))" }

    private static func wrap(_ index: Int) -> Int { ((index % hex.count) + hex.count) % hex.count }
}
