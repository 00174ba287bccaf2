/// How one terminal cell is drawn: 256-colour foreground and background indices and bold.
struct TextStyle: Equatable {
    var foreground: UInt8?
    var background: UInt8?
    var bold = false

    static let plain = TextStyle()
    static func colored(_ index: UInt8, bold: Bool = false) -> TextStyle {
        TextStyle(foreground: index, bold: bold)
    }

    /// The ANSI escape sequence that switches to this style.
    var escape: String {
        var codes: [String] = []
        if bold { codes.append("1") }
        if let foreground { codes.append("38;5;\(foreground)") }
        if let background { codes.append("48;5;\(background)") }
        return codes.isEmpty ? "" : "\u{1B}[\(codes.joined(separator: ";"))m"
    }
}

/// A fixed-size grid of terminal cells that every text renderer draws into. Writes outside the
/// grid are clipped, wide characters take two cells, so the output never exceeds the width.
///
///     var canvas = TextCanvas(width: 20, height: 2)
///     canvas.write("损失 loss", x: 0, y: 0, style: .colored(33))
///     canvas.render(color: true)
struct TextCanvas {
    private struct Cell: Equatable {
        var text: String = " "
        var style: TextStyle = .plain
        /// The right half of a wide character drawn in the cell to the left.
        var isContinuation = false
    }

    let width: Int
    private(set) var height: Int
    private var cells: [Cell]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// Adds empty rows at the bottom.
    mutating func appendRows(_ count: Int) {
        cells += Array(repeating: Cell(), count: width * max(0, count))
        height += max(0, count)
    }

    /// Adds one empty row at the bottom and returns its index.
    mutating func addLine() -> Int {
        appendRows(1)
        return height - 1
    }

    /// Adds a line with `text` centred on `x..<x+span` (the whole width by default), unless
    /// the text is empty.
    mutating func appendCentered(_ text: String, x: Int = 0, span: Int? = nil, style: TextStyle = .plain) {
        guard !text.isEmpty else { return }
        let row = addLine()
        writeCentered(text, x: x, span: span ?? width, y: row, style: style)
    }

    /// Adds a line with `text` at the left, unless the text is empty.
    mutating func appendLeft(_ text: String, width columns: Int) {
        guard !text.isEmpty else { return }
        let row = addLine()
        write(text.truncated(toWidth: columns), x: 0, y: row)
    }

    /// Writes `text` starting at column `x` of row `y`; returns the column after the last
    /// character written.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, style: TextStyle = .plain) -> Int {
        var column = x
        for character in text {
            let w = displayWidth(of: character)
            if w == 0 { continue }
            put(String(character), x: column, y: y, style: style, wide: w == 2)
            column += w
        }
        return column
    }

    /// Writes `text` centred on the span `x..<x+span`.
    mutating func writeCentered(_ text: String, x: Int, span: Int, y: Int, style: TextStyle = .plain) {
        let fitted = text.truncated(toWidth: max(0, span))
        write(fitted, x: x + (span - displayWidth(fitted)) / 2, y: y, style: style)
    }

    /// Sets one cell's character (and style) if it lies inside the grid.
    mutating func put(_ text: String, x: Int, y: Int, style: TextStyle = .plain, wide: Bool = false) {
        guard !text.isEmpty, y >= 0, y < height, x >= 0, x + (wide ? 1 : 0) < width else { return }
        clearWideNeighbours(x: x, y: y)
        cells[y * width + x] = Cell(text: text, style: style)
        if wide {
            clearWideNeighbours(x: x + 1, y: y)
            cells[y * width + x + 1] = Cell(text: "", style: style, isContinuation: true)
        }
    }

    /// Changes only the background of a cell.
    mutating func setBackground(_ index: UInt8?, x: Int, y: Int) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        cells[y * width + x].style.background = index
    }

    /// The character in a cell (a space when empty or outside).
    func character(x: Int, y: Int) -> String {
        guard y >= 0, y < height, x >= 0, x < width else { return " " }
        return cells[y * width + x].text
    }

    func isBlank(x: Int, y: Int) -> Bool { character(x: x, y: y) == " " }

    private mutating func clearWideNeighbours(x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell() }
        if x + 1 < width, cells[index + 1].isContinuation { cells[index + 1] = Cell() }
    }

    /// The grid as lines joined by newlines, trailing blanks trimmed; ANSI colours only when
    /// `color` is true.
    func render(color: Bool) -> String {
        (0..<height).map { renderRow($0, color: color) }.joined(separator: "\n")
    }

    private func renderRow(_ y: Int, color: Bool) -> String {
        let row = cells[(y * width)..<((y + 1) * width)]
        var end = row.endIndex
        while end > row.startIndex {
            let cell = row[end - 1]
            let visible = cell.text != " " || (color && cell.style.background != nil)
            if visible { break }
            end -= 1
        }
        var line = ""
        var current = TextStyle.plain
        for cell in row[row.startIndex..<end] where !cell.isContinuation {
            if color, cell.style != current {
                if current != .plain { line += "\u{1B}[0m" }
                line += cell.style.escape
                current = cell.style
            }
            line += cell.text
        }
        if color, current != .plain { line += "\u{1B}[0m" }
        return line
    }
}
