import Foundation
import NumericCore

/// Histogram of oriented gradients (Dalal and Triggs, 2005) for small grayscale images:
/// gradients by central differences, unsigned orientations (0°–180°) voted into `orientations`
/// bins per `cellSize × cellSize` cell weighted by magnitude (split linearly between the two
/// nearest bins), then overlapping blocks of `blockSize × blockSize` cells normalised with L2-Hys.
///
/// For a 28×28 image with the defaults (7-pixel cells, 2×2 blocks, 9 bins): 4×4 cells,
/// 3×3 blocks, 324 features.
///
///     let features = hogFeatures(pixels: image, width: 28, height: 28)       // 324 values
///     let x = hogFeatures(images: data.pixels, count: data.count, width: 28, height: 28)  // Matrix
public struct HOGDescriptor: Sendable, Equatable {
    public var cellSize: Int
    public var blockSize: Int
    public var orientations: Int

    public init(cellSize: Int = 7, blockSize: Int = 2, orientations: Int = 9) {
        engineRequire(cellSize >= 1 && blockSize >= 1 && orientations >= 1, "HOGDescriptor: sizes must be positive")
        self.cellSize = cellSize; self.blockSize = blockSize; self.orientations = orientations
    }

    /// The number of features for an image of the given size.
    public func featureCount(width: Int, height: Int) -> Int {
        let blocksX = max(0, width / cellSize - blockSize + 1), blocksY = max(0, height / cellSize - blockSize + 1)
        return blocksX * blocksY * blockSize * blockSize * orientations
    }

    /// The descriptor of one image, pixels row-major.
    public func features(_ pixels: [Double], width: Int, height: Int) -> [Double] {
        engineRequire(pixels.count == width * height, "hogFeatures: \(pixels.count) pixels do not make a \(width)×\(height) image")
        let cellsX = width / cellSize, cellsY = height / cellSize
        var cells = [Double](repeating: 0, count: cellsX * cellsY * orientations)
        let binWidth = Double.pi / Double(orientations)
        for py in 0..<(cellsY * cellSize) {
            for px in 0..<(cellsX * cellSize) {
                let gx = px > 0 && px < width - 1 ? pixels[py * width + px + 1] - pixels[py * width + px - 1] : 0
                let gy = py > 0 && py < height - 1 ? pixels[(py + 1) * width + px] - pixels[(py - 1) * width + px] : 0
                let magnitude = (gx * gx + gy * gy).squareRoot()
                guard magnitude > 0 else { continue }
                var angle = atan2(gy, gx)
                if angle < 0 { angle += Double.pi }
                if angle >= Double.pi { angle -= Double.pi }
                // Split the vote between the two nearest bin centres.
                let position = angle / binWidth - 0.5
                let lower = Int(floor(position))
                let fraction = position - Double(lower)
                let base = ((py / cellSize) * cellsX + px / cellSize) * orientations
                cells[base + (lower + orientations) % orientations] += magnitude * (1 - fraction)
                cells[base + (lower + 1) % orientations] += magnitude * fraction
            }
        }
        var out: [Double] = []
        out.reserveCapacity(featureCount(width: width, height: height))
        for by in 0..<max(0, cellsY - blockSize + 1) {
            for bx in 0..<max(0, cellsX - blockSize + 1) {
                var block: [Double] = []
                for cy in by..<(by + blockSize) {
                    for cx in bx..<(bx + blockSize) {
                        let base = (cy * cellsX + cx) * orientations
                        block += cells[base ..< base + orientations]
                    }
                }
                out += HOGDescriptor.l2Hys(block)
            }
        }
        return out
    }

    /// L2 normalisation, clipping at 0.2, and L2 normalisation again.
    static func l2Hys(_ block: [Double]) -> [Double] {
        let epsilon = 1e-5
        var v = block
        var norm = (v.reduce(0) { $0 + $1 * $1 } + epsilon * epsilon).squareRoot()
        v = v.map { min($0 / norm, 0.2) }
        norm = (v.reduce(0) { $0 + $1 * $1 } + epsilon * epsilon).squareRoot()
        return v.map { $0 / norm }
    }
}

/// HOG features of one grayscale image (see `HOGDescriptor`).
public func hogFeatures(pixels: [Double], width: Int, height: Int, cellSize: Int = 7, blockSize: Int = 2,
                        orientations: Int = 9) -> [Double] {
    HOGDescriptor(cellSize: cellSize, blockSize: blockSize, orientations: orientations).features(pixels, width: width, height: height)
}

/// HOG features of one grayscale image given as `Float` pixels.
public func hogFeatures(pixels: [Float], width: Int, height: Int, cellSize: Int = 7, blockSize: Int = 2,
                        orientations: Int = 9) -> [Double] {
    hogFeatures(pixels: pixels.map(Double.init), width: width, height: height, cellSize: cellSize,
                blockSize: blockSize, orientations: orientations)
}

/// HOG features of many images stored one after another (`count × height × width` pixels),
/// computed in parallel; one row per image.
///
///     let train = hogFeatures(images: fashion.pixels, count: fashion.count, width: 28, height: 28)
public func hogFeatures(images: [Float], count: Int, width: Int, height: Int, cellSize: Int = 7, blockSize: Int = 2,
                        orientations: Int = 9) -> Matrix {
    engineRequire(images.count == count * width * height, "hogFeatures: \(images.count) pixels do not make \(count) images of \(width)×\(height)")
    let descriptor = HOGDescriptor(cellSize: cellSize, blockSize: blockSize, orientations: orientations)
    let size = width * height
    let rows = Parallel.map(0..<count, minChunk: 64) { i in
        descriptor.features(images[i * size ..< (i + 1) * size].map(Double.init), width: width, height: height)
    }
    return Matrix(rows: count, columns: descriptor.featureCount(width: width, height: height), values: rows.flatMap { $0 })
}

/// HOG features of every image of a data set (single channel), one row per image.
///
///     let test = try FashionMNIST.load(.test)
///     let features = hogFeatures(test)          // 10,000 × 324
public func hogFeatures(_ dataset: ImageDataset, cellSize: Int = 7, blockSize: Int = 2, orientations: Int = 9) -> Matrix {
    engineRequire(dataset.channels == 1, "hogFeatures: \(dataset.name) has \(dataset.channels) channels; HOG here works on grayscale images")
    var pixels = [Float](repeating: 0, count: dataset.count * dataset.pixelsPerImage)
    pixels.withUnsafeMutableBufferPointer { dataset.copyPixels(of: Array(0..<dataset.count), into: $0.baseAddress!) }
    return hogFeatures(images: pixels, count: dataset.count, width: dataset.width, height: dataset.height,
                       cellSize: cellSize, blockSize: blockSize, orientations: orientations)
}
