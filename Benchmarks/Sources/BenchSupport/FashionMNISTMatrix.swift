import ClassicalML
import Datasets

/// Fashion-MNIST as the classical engine takes it: the first `limit` images of a split as an
/// `N × 784` matrix of pixels / 255, with their labels (as `sklearn_classic.py` prepares them).
public func fashionMNISTMatrix(_ split: FashionMNIST.Split, limit: Int) throws -> (x: Matrix, y: [Int]) {
    let images = try FashionMNIST.load(split, limit: limit, scaling: .unitInterval)
    let size = images.pixelsPerImage
    var values = [Double](repeating: 0, count: images.count * size)
    for image in 0..<images.count {
        let pixels = images.image(image)
        for i in 0..<size { values[image * size + i] = Double(pixels[i]) }
    }
    return (Matrix(rows: images.count, columns: size, values: values), images.labels)
}
