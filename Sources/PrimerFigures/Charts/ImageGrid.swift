import Foundation

/// Grayscale images side by side with optional captions, such as digits with their predicted
/// labels or a GAN's samples. Pixels are row-major; values in 0...1 are drawn as they are,
/// any other range is stretched per image.
///
///     let grid = ImageGrid(title: "Samples", width: 28, height: 28, images: pixels,
///                          captions: predictions.map { "pred \($0)" })
public struct ImageGrid: Codable, Equatable, Sendable {
    /// One image: `width × height` row-major pixels.
    public struct Image: Codable, Equatable, Sendable {
        @FiniteValuesCoding public var pixels: [Float]
        public var caption: String
        public init(pixels: [Float], caption: String = "") {
            self.pixels = pixels
            self.caption = caption
        }
    }

    public var title: String
    public var width: Int
    public var height: Int
    public var images: [Image]
    /// The most images per row; nil fits as many as the width allows.
    public var columns: Int?

    public init(title: String = "", width: Int, height: Int, images: [[Float]], captions: [String] = [],
                columns: Int? = nil) {
        self.title = title
        self.width = width
        self.height = height
        self.images = images.enumerated().map { Image(pixels: $1, caption: $0 < captions.count ? captions[$0] : "") }
        self.columns = columns
    }

    /// An image's pixels in 0...1, row-major, with non-finite pixels as 0 and missing ones padded.
    func normalized(_ image: Image) -> [Double] {
        var pixels = image.pixels.prefix(width * height).map { $0.isFinite ? Double($0) : 0 }
        pixels += Array(repeating: 0, count: max(0, width * height - pixels.count))
        guard let low = pixels.min(), let high = pixels.max() else { return pixels }
        if low >= 0, high <= 1 { return pixels }
        return pixels.map { high > low ? ($0 - low) / (high - low) : 0 }
    }

    private var isEmpty: Bool { images.isEmpty || width <= 0 || height <= 0 }
}

extension ImageGrid: RenderableFigure {
    public func renderText(width totalWidth: Int, color: Bool) -> String {
        guard !isEmpty else { return TextPlaceholder.noData(title: title, width: totalWidth) }
        let factor = max(1, Int((Double(width) / Double(max(1, totalWidth))).rounded(.up)))
        let cellColumns = (width + factor - 1) / factor
        let pixelRows = (height + factor - 1) / factor
        let cellRows = (pixelRows + 1) / 2
        let perRow = max(1, min(columns ?? .max, (totalWidth + 2) / (cellColumns + 2), images.count))
        let hasCaptions = images.contains { !$0.caption.isEmpty }
        let bandHeight = cellRows + (hasCaptions ? 1 : 0) + 1
        let bands = (images.count + perRow - 1) / perRow
        let top = title.isEmpty ? 0 : 1
        var canvas = TextCanvas(width: totalWidth, height: top + bands * bandHeight - 1)
        if !title.isEmpty { canvas.writeCentered(title, x: 0, span: totalWidth, y: 0, style: TextStyle(bold: true)) }
        let ramp = Array(" .:-=+*#%@").map(String.init)
        for (index, image) in images.enumerated() {
            let pixels = normalized(image)
            func sample(_ column: Int, _ row: Int) -> Double? {
                guard row < pixelRows else { return nil }
                var sum = 0.0
                var count = 0.0
                for y in (row * factor)..<min(height, (row + 1) * factor) {
                    for x in (column * factor)..<min(width, (column + 1) * factor) {
                        sum += pixels[y * width + x]
                        count += 1
                    }
                }
                return count > 0 ? sum / count : nil
            }
            let originX = (index % perRow) * (cellColumns + 2)
            let originY = top + (index / perRow) * bandHeight
            for row in 0..<cellRows {
                for column in 0..<cellColumns {
                    let upper = sample(column, row * 2) ?? 0
                    let lower = sample(column, row * 2 + 1)
                    if color {
                        var style = TextStyle(foreground: ImageGrid.gray(upper))
                        style.background = lower.map(ImageGrid.gray)
                        canvas.put("▀", x: originX + column, y: originY + row, style: style)
                    } else {
                        let level = (upper + (lower ?? upper)) / 2
                        canvas.put(ramp[min(ramp.count - 1, Int(level * Double(ramp.count)))],
                                   x: originX + column, y: originY + row)
                    }
                }
            }
            if hasCaptions {
                canvas.writeCentered(image.caption, x: originX, span: cellColumns, y: originY + cellRows)
            }
        }
        return canvas.render(color: color)
    }

    /// The xterm-256 gray nearest to a brightness in 0...1 (16 is black, 231 white).
    static func gray(_ value: Double) -> UInt8 {
        let level = Int((min(1, max(0, value)) * 25).rounded())
        return level == 0 ? 16 : level == 25 ? 231 : UInt8(231 + level)
    }

    public func renderSVG(embedStylesheet: Bool) -> String {
        guard !isEmpty else {
            return SVGPlotFrame.noData(kind: "image-grid", title: title, embedStylesheet: embedStylesheet)
        }
        let scale = max(1, min(8, (96 / Double(max(width, height))).rounded(.down)))
        let imageWidth = Double(width) * scale
        let imageHeight = Double(height) * scale
        let perRow = max(1, min(columns ?? .max, Int((SVGPlotFrame.width + 12) / (imageWidth + 12)), images.count))
        let hasCaptions = images.contains { !$0.caption.isEmpty }
        let bandHeight = imageHeight + (hasCaptions ? 20 : 0) + 10
        let top = title.isEmpty ? 4.0 : 36.0
        let rowsOfImages = (images.count + perRow - 1) / perRow
        let totalWidth = max(Double(perRow) * (imageWidth + 12) - 12 + 8, 120)
        var svg = SVGWriter(width: totalWidth, height: top + Double(rowsOfImages) * bandHeight, kind: "image-grid", label: title)
        if !title.isEmpty { svg.text(title, x: totalWidth / 2, y: 24, anchor: .middle, classes: "title") }
        for (index, image) in images.enumerated() {
            let pixels = normalized(image)
            let x0 = 4 + Double(index % perRow) * (imageWidth + 12)
            let y0 = top + Double(index / perRow) * bandHeight
            let levels = pixels.map { UInt8((min(1, max(0, $0)) * 255).rounded()) }
            svg.image(x: x0, y: y0, width: imageWidth, height: imageHeight,
                      png: GrayscalePNG.encode(width: width, height: height, pixels: levels), classes: "pixels")
            if hasCaptions {
                svg.text(image.caption.truncated(toWidth: max(1, Int(imageWidth / 6.5))), x: x0 + imageWidth / 2,
                         y: y0 + imageHeight + 15, anchor: .middle, classes: "tick")
            }
        }
        return svg.finish(embedStylesheet: embedStylesheet)
    }
}
