// swift-tools-version:6.0
//
// Primer's engine benchmarks: one executable per workload family, each mirroring a script in
// ../shared/anchors/ (PyTorch, scikit-learn, OpenBLAS sgemm). Kept out of the main package so
// that its test suite never builds them. Build and run through `python3 Benchmarks/run.py`.
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v5)]
let engines: Target.Dependency = .product(name: "PrimerCells", package: "Primer")

func benchmark(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["BenchSupport", engines], swiftSettings: swiftSettings)
}

let package = Package(
    name: "PrimerBenchmarks",
    dependencies: [.package(name: "Primer", path: "..")],
    targets: [
        .target(name: "BenchSupport",
                dependencies: [engines],
                swiftSettings: swiftSettings),
        benchmark("cnn-bench"),
        benchmark("small-models-bench"),
        benchmark("gemm-share-bench"),
        benchmark("classic-bench"),
        benchmark("forest-memory-bench"),
        benchmark("forest-bench"),
        benchmark("transformer-bench"),
    ]
)
