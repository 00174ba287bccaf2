import NumericCore

/// Engine-neutral labelled images: `count` images of `channels × height × width` pixels,
/// stored image after image (channel-major within an image), with one class index each.
///
///     let train = try FashionMNIST.load(.train)
///     train.count, train.height, train.width     // 60000, 28, 28
///     train.classNames[train.labels[0]]          // "Ankle boot"
///     train.pixel(image: 0, row: 14, column: 14) // a value in [-1, 1] by default
public struct ImageDataset: Sendable {
    /// How pixel values are kept: raw bytes with an affine map to floats, or floats.
    public enum Pixels: Sendable {
        /// Bytes; the value of a pixel is `Float(byte) * scale + offset`.
        case bytes([UInt8], scale: Float, offset: Float)
        case floats([Float])
    }

    public var name: String
    public var pixels: Pixels
    public var count: Int
    public var channels: Int
    public var height: Int
    public var width: Int
    public var labels: [Int]
    public var classNames: [String]

    public init(name: String, pixels: Pixels, count: Int, channels: Int = 1, height: Int, width: Int,
                labels: [Int], classNames: [String]) {
        let stored: Int
        switch pixels {
        case .bytes(let b, _, _): stored = b.count
        case .floats(let f): stored = f.count
        }
        guard stored == count * channels * height * width, labels.count == count else {
            engineFailure("ImageDataset: \(stored) pixels and \(labels.count) labels do not make \(count) images of \(channels)×\(height)×\(width)")
        }
        self.name = name; self.pixels = pixels; self.count = count; self.channels = channels
        self.height = height; self.width = width; self.labels = labels; self.classNames = classNames
    }

    /// Values per image.
    public var pixelsPerImage: Int { channels * height * width }

    /// One pixel's value (channel 0 unless given).
    public func pixel(image: Int, channel: Int = 0, row: Int, column: Int) -> Float {
        let index = image * pixelsPerImage + (channel * height + row) * width + column
        switch pixels {
        case .bytes(let b, let scale, let offset): return Float(b[index]) * scale + offset
        case .floats(let f): return f[index]
        }
    }

    /// Writes the pixel values of the images at `indices`, one after another, into `destination`.
    public func copyPixels(of indices: [Int], into destination: UnsafeMutablePointer<Float>) {
        let size = pixelsPerImage
        switch pixels {
        case .bytes(let b, let scale, let offset):
            b.withUnsafeBufferPointer { source in
                for (slot, image) in indices.enumerated() {
                    let s = source.baseAddress! + image * size, d = destination + slot * size
                    for i in 0..<size { d[i] = Float(s[i]) * scale + offset }
                }
            }
        case .floats(let f):
            f.withUnsafeBufferPointer { source in
                for (slot, image) in indices.enumerated() {
                    (destination + slot * size).update(from: source.baseAddress! + image * size, count: size)
                }
            }
        }
    }

    /// The pixel values of one image (channel after channel, row after row), e.g. for drawing it.
    public func image(_ index: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: pixelsPerImage) { buffer, initialized in
            copyPixels(of: [index], into: buffer.baseAddress!)
            initialized = pixelsPerImage
        }
    }

    /// The first `limit` images.
    public func prefix(_ limit: Int) -> ImageDataset { subset(Array(0..<min(limit, count))) }

    /// The images at `indices`, in that order (for validation splits and class filters).
    ///
    ///     let validation = train.subset(Array(50_000..<60_000))
    public func subset(_ indices: [Int]) -> ImageDataset {
        let size = pixelsPerImage
        func gather<T>(_ values: [T]) -> [T] { indices.flatMap { values[($0 * size)..<(($0 + 1) * size)] } }
        let kept: Pixels
        switch pixels {
        case .bytes(let b, let scale, let offset): kept = .bytes(gather(b), scale: scale, offset: offset)
        case .floats(let f): kept = .floats(gather(f))
        }
        return ImageDataset(name: name, pixels: kept, count: indices.count, channels: channels, height: height, width: width,
                            labels: indices.map { labels[$0] }, classNames: classNames)
    }
}
