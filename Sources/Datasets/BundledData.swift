import Foundation

/// The classic small datasets bundled with Primer as CSV (see `Bundled/README.md` for their
/// sources and licence). Each loads in milliseconds and needs no network.
///
///     let data = BundledData.iris          // or Iris.load()
///     print(data)                          // iris: 150 rows × 4 features, 3 classes (…)
public enum BundledData {
    /// Fisher's Iris: 150 flowers, 4 measurements, 3 species.
    public static var iris: TabularDataset { Iris.load() }
    /// Wine recognition: 178 wines, 13 chemical measurements, 3 cultivars.
    public static var wine: TabularDataset { Wine.load() }
    /// Breast Cancer Wisconsin (diagnostic): 569 tumours, 30 features, malignant or benign.
    public static var breastCancer: TabularDataset { BreastCancer.load() }
    /// Optical handwritten digits: 1,797 images of 8×8 pixels with values 0–16, classes 0–9.
    public static var digits: TabularDataset { Digits.load() }

    /// Loads one bundled CSV whose last column, `target`, holds class indices.
    static func load(file: String, name: String, classNames: [String]) -> TabularDataset {
        guard let url = Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "Bundled")
                ?? Bundle.module.url(forResource: file, withExtension: "csv") else {
            fatalError("The bundled dataset \(file).csv is missing from the Datasets resources; rebuild the package.")
        }
        do {
            let table = try CSVTable(contentsOf: url)
            return try TabularDataset(table, target: "target", name: name, classification: true, classNames: classNames)
        } catch {
            fatalError("The bundled dataset \(file).csv could not be read: \(error)")
        }
    }
}

/// Fisher's Iris flowers (150 × 4, three species).
///
///     let iris = Iris.load()
public enum Iris {
    public static func load() -> TabularDataset {
        BundledData.load(file: "iris", name: "iris", classNames: ["setosa", "versicolor", "virginica"])
    }
}

/// UCI wine recognition (178 × 13, three cultivars).
public enum Wine {
    public static func load() -> TabularDataset {
        BundledData.load(file: "wine", name: "wine", classNames: ["class_0", "class_1", "class_2"])
    }
}

/// Breast Cancer Wisconsin, diagnostic (569 × 30; class 0 malignant, class 1 benign).
public enum BreastCancer {
    public static func load() -> TabularDataset {
        BundledData.load(file: "breast_cancer", name: "breast cancer", classNames: ["malignant", "benign"])
    }
}

/// UCI optical handwritten digits (1,797 × 64; 8×8 images with pixel values 0–16).
public enum Digits {
    public static func load() -> TabularDataset {
        BundledData.load(file: "digits", name: "digits", classNames: (0...9).map(String.init))
    }
}
