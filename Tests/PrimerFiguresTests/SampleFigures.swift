import Foundation
@testable import PrimerFigures

/// One deterministic example of every figure kind, used by the golden and round-trip tests.
enum SampleFigures {
    static let all: [(name: String, figure: Figure)] = [
        ("line", .line(lossCurves)),
        ("scatter", .scatter(twoClusters)),
        ("decision-regions", .decisionRegions(regions)),
        ("histogram", .histogram(realVersusGenerated)),
        ("bar", .bar(accuracies)),
        ("heatmap", .heatmap(confusion)),
        ("images", .images(digits)),
        ("table", .table(results)),
        ("diagram", .diagram(conceptMap)),
        ("diagram-lr", .diagram(pipeline)),
    ]

    static let lossCurves = LineChart(title: "Loss", xLabel: "epoch", yLabel: "cross-entropy") {
        Series("train", (0..<30).map { (epoch: Int) -> Double in 2.3 * exp(-Double(epoch) / 6) + 0.05 })
        Series("validation", (0..<30).map { (epoch: Int) -> Double in
            let decay: Double = 2.3 * exp(-Double(epoch) / 7)
            return decay + 0.15 + 0.004 * Double(epoch)
        })
    }

    static let twoClusters: ScatterPlot = {
        var xs: [Double] = []
        var ys: [Double] = []
        var labels: [Int] = []
        for index in 0..<60 {
            let angle = Double(index) * 2.399963
            let radius = 0.15 * Double(index % 10) / 10 + 0.2
            let label = index % 2
            xs.append((label == 0 ? -0.5 : 0.6) + radius * cos(angle))
            ys.append((label == 0 ? 0.3 : -0.2) + radius * sin(angle))
            labels.append(label)
        }
        return ScatterPlot(title: "Two clusters", xLabel: "x₁", yLabel: "x₂", x: xs, y: ys, labels: labels,
                           classNames: ["left", "right"])
    }()

    static let regions: DecisionRegions = {
        let x = -1.5...1.5, y = -1.0...1.0
        let centers = DecisionRegions.cellCenters(x: x, y: y, columns: 30, rows: 20)
        let classes = centers.map { $0.y > 0.5 * sin(3 * $0.x) ? 1 : 0 }
        let points = (0..<24).map { index -> (Double, Double, Int) in
            let px = -1.4 + Double(index) * 0.12
            let py = index % 2 == 0 ? 0.7 - Double(index % 5) * 0.05 : -0.7 + Double(index % 3) * 0.1
            return (px, py, index % 2 == 0 ? 1 : 0)
        }
        return DecisionRegions(title: "Decision regions", xLabel: "x₁", yLabel: "x₂", x: x, y: y,
                               columns: 30, rows: 20, classes: classes,
                               pointsX: points.map(\.0), pointsY: points.map(\.1), pointLabels: points.map(\.2),
                               classNames: ["negative", "positive"])
    }()

    static let realVersusGenerated: Histogram = {
        // A sum of three evenly spread values is bell-shaped, and deterministic.
        let real = (0..<400).map { index -> Double in
            let sum = Double((index * 37) % 400 + (index * 91) % 400 + (index * 53) % 400)
            return 0.3 + 0.4 * sum / 1200
        }
        let generated = (0..<300).map { index -> Double in 0.35 + 0.4 * Double((index * 37) % 300) / 300 }
        return Histogram(title: "Pixel intensity", xLabel: "intensity", bins: 16, density: true,
                         series: [.init("real", real), .init("generated", generated)])
    }()

    static let accuracies = BarChart(title: "Test accuracy", valueLabel: "accuracy",
                                     labels: ["k-NN", "SVM (RBF)", "Random forest", "MLP", "CNN"],
                                     values: [0.9688, 0.9792, 0.9705, 0.9801, 0.9912])

    static let confusion = Heatmap(title: "Confusion matrix", rowLabels: ["cat", "dog", "bird"],
                                   columnLabels: ["cat", "dog", "bird"],
                                   values: [[50, 7, 3], [5, 41, 4], [2, 3, 57]], xLabel: "predicted", yLabel: "true")

    static let digits: ImageGrid = {
        let size = 12
        func image(_ draw: (Int, Int) -> Bool) -> [Float] {
            (0..<(size * size)).map { draw($0 % size, $0 / size) ? 1 : 0.1 }
        }
        let ring = image { x, y in
            let d = (Double(x) - 5.5) * (Double(x) - 5.5) + (Double(y) - 5.5) * (Double(y) - 5.5)
            return d > 9 && d < 25
        }
        let bar = image { x, _ in x == 5 || x == 6 }
        let diagonal = image { x, y in abs(x - y) <= 1 }
        let gradient = (0..<(size * size)).map { Float($0 % size) * 20 - 100 }  // any range: normalised
        return ImageGrid(title: "Samples", width: size, height: size, images: [ring, bar, diagonal, gradient],
                         captions: ["zero", "one", "slash", "ramp"])
    }()

    static let results = Table(title: "Results", headers: ["model", "准确率", "parameters"],
                               rows: [["k-NN", "0.969", "0"], ["卷积网络 CNN", "0.991", "431,080"],
                                      ["MLP <2 layers>", "0.980", "109,386"]])

    static let conceptMap = try! Diagram(mermaid: """
        graph TB
         A[Deep learning] --> B[CNN]
         A --> C[RNN]
         A --> D[GAN]
         A --> E[Self-supervised]
         A --> F[Transfer learning]
        """, title: "Concept map")

    static let pipeline = try! Diagram(mermaid: """
        flowchart LR
          raw[Raw pixels] -->|normalise| net(Network)
          raw --> feat[Hand-made features]
          feat --> svm{SVM?}
          svm -- yes --> out[Prediction]
          net --> out
        """)
}
