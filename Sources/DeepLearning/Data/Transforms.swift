import NumericCore

/// A change applied to every input batch (`[N, C, H, W]` for the image transforms), drawing any
/// randomness from the loader's seeded generator.
///
///     DataLoader(train, batchSize: 64, transforms: [.normalize(mean: 0.5, standardDeviation: 0.5),
///                                                   .randomCrop(size: 28, padding: 4),
///                                                   .horizontalFlip(), .gaussianNoise(0.05)])
public struct Transform {
    public let name: String
    let body: (Tensor, inout SeededGenerator) -> Tensor

    public init(_ name: String, _ body: @escaping (Tensor, inout SeededGenerator) -> Tensor) {
        self.name = name; self.body = body
    }

    public func apply(_ input: Tensor, _ generator: inout SeededGenerator) -> Tensor {
        withoutGradients { body(input, &generator) }
    }

    /// (x − mean) / standardDeviation.
    public static func normalize(mean: Float, standardDeviation: Float) -> Transform {
        Transform("normalize") { x, _ in (x - mean) / standardDeviation }
    }

    /// Adds Gaussian noise of the given standard deviation.
    public static func gaussianNoise(_ standardDeviation: Float) -> Transform {
        Transform("gaussianNoise") { x, generator in
            x + Tensor.randomNormal(x.shape, standardDeviation: standardDeviation, using: &generator)
        }
    }

    /// Mirrors each image left to right with probability `probability`.
    public static func horizontalFlip(probability: Float = 0.5) -> Transform {
        Transform("horizontalFlip") { x, generator in
            requireImages(x, "horizontalFlip")
            let out = x.copy()
            let width = x.shape[3], perImage = x.count / x.shape[0]
            for n in 0..<x.shape[0] where generator.nextFloat() < probability {
                let base = out.pointer + n * perImage
                for row in 0..<(perImage / width) {
                    let line = base + row * width
                    for j in 0..<(width / 2) { let t = line[j]; line[j] = line[width - 1 - j]; line[width - 1 - j] = t }
                }
            }
            return out
        }
    }

    /// Pads each image by `padding` zeros on every side and cuts a random `size × size` window.
    public static func randomCrop(size: Int, padding: Int = 0) -> Transform {
        Transform("randomCrop") { x, generator in
            requireImages(x, "randomCrop")
            let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
            guard size <= h + 2 * padding, size <= w + 2 * padding else {
                shapeFailure("randomCrop: a \(size)×\(size) crop does not fit \(h)×\(w) images padded by \(padding)")
            }
            let out = Tensor.zeros([n, c, size, size])
            for image in 0..<n {
                let top = generator.nextInt(below: h + 2 * padding - size + 1) - padding
                let left = generator.nextInt(below: w + 2 * padding - size + 1) - padding
                for channel in 0..<c {
                    let source = x.pointer + (image * c + channel) * h * w
                    let destination = out.pointer + (image * c + channel) * size * size
                    for i in 0..<size where top + i >= 0 && top + i < h {
                        for j in 0..<size where left + j >= 0 && left + j < w {
                            destination[i * size + j] = source[(top + i) * w + left + j]
                        }
                    }
                }
            }
            return out
        }
    }

    private static func requireImages(_ x: Tensor, _ name: String) {
        guard x.rank == 4 else { shapeFailure("\(name): expects image batches [N, C, H, W], got shape \(x.shape)") }
    }
}
