import Foundation

/// Zalando's Fashion-MNIST: 28×28 grey images of clothing in ten classes, 60,000 for training
/// and 10,000 for testing, read from the IDX files of Debian's `dataset-fashion-mnist` package.
///
///     let train = try FashionMNIST.load(.train, limit: 20_000)   // pixels in [-1, 1]
///     let test = try FashionMNIST.load(.test, scaling: .unitInterval)
public enum FashionMNIST {
    public enum Split: String, Sendable {
        case train
        case test = "t10k"
    }

    /// How pixel bytes 0…255 map to values.
    public enum Scaling: Sendable {
        /// (byte / 255 − 0.5) / 0.5, the usual normalisation for this data set.
        case minusOneToOne
        /// byte / 255.
        case unitInterval
        /// The raw byte value.
        case raw

        var scaleAndOffset: (Float, Float) {
            switch self {
            case .minusOneToOne: return (2 / 255, -1)
            case .unitInterval: return (1 / 255, 0)
            case .raw: return (1, 0)
            }
        }
    }

    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    /// Where Debian's `dataset-fashion-mnist` package installs the files.
    public static let defaultDirectory = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist")

    /// The files are missing or unreadable.
    public struct MissingFiles: Error, CustomStringConvertible {
        public let directory: URL
        public let missing: [String]
        public var description: String {
            "Fashion-MNIST files not found in \(directory.path) (missing: \(missing.joined(separator: ", "))); install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist) or pass a directory that holds them: FashionMNIST.load(.train, directory: URL(fileURLWithPath: \"…\"))"
        }
    }

    /// The file names of a split (images, labels).
    public static func fileNames(_ split: Split) -> (images: String, labels: String) {
        ("\(split.rawValue)-images-idx3-ubyte.gz", "\(split.rawValue)-labels-idx1-ubyte.gz")
    }

    /// Whether both files of `split` are present.
    public static func isAvailable(_ split: Split = .train, directory: URL = defaultDirectory) -> Bool {
        let names = fileNames(split)
        return [names.images, names.labels].allSatisfy {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
    }

    /// Loads a split, keeping the first `limit` images when given.
    public static func load(_ split: Split, limit: Int? = nil, directory: URL = defaultDirectory,
                            scaling: Scaling = .minusOneToOne) throws -> ImageDataset {
        let names = fileNames(split)
        let missing = [names.images, names.labels].filter {
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
        guard missing.isEmpty else { throw MissingFiles(directory: directory, missing: missing) }
        let images = try IDX.read(contentsOf: directory.appendingPathComponent(names.images))
        let labels = try IDX.read(contentsOf: directory.appendingPathComponent(names.labels))
        return try dataset(images: images, labels: labels, limit: limit, scaling: scaling, name: "Fashion-MNIST \(split)")
    }

    /// Builds the data set from parsed IDX arrays (images `[N, H, W]`, labels `[N]`).
    public static func dataset(images: IDX, labels: IDX, limit: Int? = nil, scaling: Scaling = .minusOneToOne,
                               name: String = "Fashion-MNIST") throws -> ImageDataset {
        guard images.shape.count == 3, labels.shape.count == 1, images.shape[0] == labels.shape[0] else {
            throw IDXError(message: "expected images [N, H, W] and labels [N], got \(images.shape) and \(labels.shape)")
        }
        let n = min(limit ?? images.shape[0], images.shape[0])
        let h = images.shape[1], w = images.shape[2]
        let (scale, offset) = scaling.scaleAndOffset
        return ImageDataset(name: name, pixels: .bytes(Array(images.bytes[0..<(n * h * w)]), scale: scale, offset: offset),
                            count: n, height: h, width: w, labels: labels.bytes[0..<n].map(Int.init), classNames: classNames)
    }
}
