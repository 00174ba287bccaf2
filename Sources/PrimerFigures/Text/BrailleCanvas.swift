/// A dot grid at 2×4 dots per terminal cell, drawn with Unicode braille characters; each cell
/// remembers which series last drew into it so it can be coloured.
///
///     var dots = BrailleCanvas(columns: 40, rows: 10)
///     dots.line(from: (0, 0), to: (79, 39), owner: 0)
///     dots.draw(into: &canvas, left: 4, top: 1, color: true)
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var owners: [Int]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bits = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: 0, count: columns * rows)
    }

    /// A dot grid covering a chart's plotting area.
    init(area: TextPlotArea) { self.init(columns: area.columns, rows: area.rows) }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Sets the dot at (`x`, `y`), origin top left; dots outside are ignored.
    mutating func set(_ x: Int, _ y: Int, owner: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / 4) * columns + x / 2
        let mask: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        bits[index] |= mask[x % 2][y % 4]
        owners[index] = owner
    }

    /// Sets the dots along a straight segment between two dot positions.
    mutating func line(from start: (Double, Double), to end: (Double, Double), owner: Int) {
        let steps = Int(max(abs(end.0 - start.0), abs(end.1 - start.1)).rounded(.up))
        for step in 0...max(0, steps) {
            let t = steps == 0 ? 0 : Double(step) / Double(steps)
            set(Int((start.0 + (end.0 - start.0) * t).rounded()),
                Int((start.1 + (end.1 - start.1) * t).rounded()), owner: owner)
        }
    }

    /// The dot position (fractional) of a data point in `area`.
    func dot(x: Double, y: Double, in area: TextPlotArea) -> (Double, Double) {
        (area.column(x) * Double(dotWidth - 1) / Double(max(1, area.columns - 1)),
         area.row(y) * Double(dotHeight - 1) / Double(max(1, area.rows - 1)))
    }

    /// Copies the non-empty cells into a text canvas.
    func draw(into canvas: inout TextCanvas, left: Int, top: Int, color: Bool) {
        for row in 0..<rows {
            for column in 0..<columns where bits[row * columns + column] != 0 {
                let index = row * columns + column
                let character = String(UnicodeScalar(0x2800 + UInt32(bits[index]))!)
                canvas.put(character, x: left + column, y: top + row,
                           style: color ? .colored(Palette.ansi(owners[index])) : .plain)
            }
        }
    }
}
