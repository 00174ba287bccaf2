import Datasets
import Testing
@testable import ClassicalML

@Suite struct HOGTests {
    /// A 28×28 image with one vertical edge (dark left half, bright right half).
    let verticalEdge: [Double] = (0..<784).map { (i: Int) -> Double in i % 28 >= 14 ? 1 : 0 }

    @Test func sizeAndNormalisation() {
        let features = hogFeatures(pixels: verticalEdge, width: 28, height: 28)
        #expect(features.count == 324)
        #expect(HOGDescriptor(cellSize: 4).featureCount(width: 28, height: 28) == 1296)
        for block in stride(from: 0, to: 324, by: 36) {
            let norm = features[block ..< block + 36].reduce(0) { $0 + $1 * $1 }
            #expect(norm < 1 + 1e-9)
        }
        #expect(features.allSatisfy { $0 >= 0 })
    }

    @Test func aVerticalEdgeVotesForHorizontalGradients() {
        // Gradients point along x (angle 0), shared between the first and last bins (centres 10° and 170°).
        let cells = HOGDescriptor(cellSize: 14, blockSize: 1, orientations: 9).features(verticalEdge, width: 28, height: 28)
        #expect(cells.count == 4 * 9)
        let cell = Array(cells[0..<9])
        #expect(cell[0] > 0.4 && abs(cell[0] - cell[8]) < 1e-9)
        #expect(cell[1...7].allSatisfy { $0 == 0 })
        let transposed: [Double] = (0..<784).map { (i: Int) -> Double in verticalEdge[(i % 28) * 28 + i / 28] }
        let rotated = HOGDescriptor(cellSize: 14, blockSize: 1).features(transposed, width: 28, height: 28)
        #expect(rotated[4] > 0.9)   // the bin centred on 90°
    }

    @Test func imageDatasetMatchesSingleImages() {
        let bytes: [UInt8] = (0..<(2 * 784)).map { (i: Int) -> UInt8 in
            let base: Int = i % 28 >= 14 ? 200 : 10
            return UInt8(base + (i / 784) * 20)
        }
        let data = ImageDataset(name: "edges", pixels: .bytes(bytes, scale: 1 / 255, offset: 0), count: 2, channels: 1,
                                height: 28, width: 28, labels: [0, 1], classNames: ["a", "b"])
        let features = hogFeatures(data)
        #expect(features.rows == 2 && features.columns == 324)
        for i in 0..<2 {
            let single = hogFeatures(pixels: data.image(i), width: 28, height: 28)
            #expect(zip(features.row(i), single).allSatisfy { abs($0 - $1) < 1e-12 })
        }
    }

    @Test func batchMatchesSingleImages() {
        let second = verticalEdge.map { 1 - $0 }
        let batch = hogFeatures(images: (verticalEdge + second).map(Float.init), count: 2, width: 28, height: 28)
        #expect(batch.rows == 2 && batch.row(1) == hogFeatures(pixels: second, width: 28, height: 28))
        #expect(hogFeatures(pixels: [Double](repeating: 0.5, count: 784), width: 28, height: 28).allSatisfy { $0 == 0 })
    }
}
