import Testing
@testable import Datasets

/// The engine-neutral data: bundled tables, CSV, synthetic generators.
@Suite struct DatasetTests {
    @Test func bundledDatasetsLoadWithTheirShapes() {
        let iris = BundledData.iris, wine = BundledData.wine, cancer = BundledData.breastCancer, digits = BundledData.digits
        #expect((iris.count, iris.featureCount, iris.classNames.count) == (150, 4, 3))
        #expect((wine.count, wine.featureCount, wine.classNames.count) == (178, 13, 3))
        #expect((cancer.count, cancer.featureCount, cancer.classNames) == (569, 30, ["malignant", "benign"]))
        #expect((digits.count, digits.featureCount, digits.classNames.count) == (1797, 64, 10))
        #expect(iris.row(0) == [5.1, 3.5, 1.4, 0.2])
        #expect(iris.featureNames[2] == "petal length (cm)")
        #expect(iris.classCounts == [50, 50, 50])
        #expect(cancer.classCounts == [212, 357])
        #expect(digits.features.max() == 16)
        #expect(String(describing: iris).hasPrefix("iris: 150 rows × 4 features, 3 classes"))
    }

    @Test func csvWithQuotesAndTextTargets() throws {
        let text = "size,\"weight, kg\",animal\n1,2.5,cat\n3,\"4\",dog\n5,6,cat\n"
        let table = try CSVTable(text: text)
        #expect(table.columnNames == ["size", "weight, kg", "animal"])
        #expect(try table.numbers("weight, kg") == [2.5, 4, 6])
        let data = try TabularDataset(table, target: "animal")
        #expect(data.classNames == ["cat", "dog"])
        #expect(data.labels == [0, 1, 0])
        #expect(data.features == [1, 2.5, 3, 4, 5, 6])
        #expect(throws: CSVError.self) { try table.numbers("animal") }
        #expect(throws: CSVError.unknownColumn("mass", available: table.columnNames)) { try table.columnIndex("mass") }
        #expect(throws: CSVError.self) { try CSVTable(text: "a,b\n1\n") }
    }

    @Test func syntheticGeneratorsAreSeeded() {
        #expect(Synthetic.moons(count: 50, seed: 3) == Synthetic.moons(count: 50, seed: 3))
        #expect(Synthetic.moons(count: 50, seed: 3) != Synthetic.moons(count: 50, seed: 4))
        let blobs = Synthetic.blobs(count: 90, centers: 3, features: 4, seed: 1)
        #expect(blobs.count == 90 && blobs.featureCount == 4 && blobs.classCounts == [30, 30, 30])
        let circles = Synthetic.circles(count: 100, noise: 0, factor: 0.5, seed: 0)
        for r in 0..<circles.count {
            let row = circles.row(r)
            let radius = (row[0] * row[0] + row[1] * row[1]).squareRoot()
            #expect(abs(radius - (circles.labels[r] == 0 ? 1 : 0.5)) < 1e-9)
        }
        let xor = Synthetic.xor(count: 100, seed: 2)
        for r in 0..<xor.count { #expect(xor.labels[r] == ((xor.row(r)[0] > 0) != (xor.row(r)[1] > 0) ? 1 : 0)) }
        #expect(Synthetic.spirals(count: 120, arms: 3).classCounts == [40, 40, 40])
        let waves = Synthetic.sineSequences(count: 10, window: 5, noise: 0, seed: 0)
        #expect(waves.featureCount == 5 && waves.count == 10 && !waves.isClassification)
    }
}
