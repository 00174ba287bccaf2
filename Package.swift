// swift-tools-version:6.0
//
// Primer: a literate tutorial runner. See ARCHITECTURE.md for how the targets fit together.
import PackageDescription

/// The engines are written in Swift 5 language mode (unsafe buffers on hot paths); the
/// runner and the command-line tool in Swift 6, with its data-race checking.
let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v5)]
let runnerSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Primer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "primer", targets: ["primer"]),
        /// What every chapter links against: the engines plus `show`, plots, tables, math and
        /// progress. The runner builds it in release into `.build-engines` on first use.
        .library(name: "PrimerCells", type: .dynamic, targets: ["PrimerCells"]),
        .library(name: "PrimerKit", targets: ["PrimerKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only `primer serve` (target PrimerServe) uses these; the engines never see them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // C libraries from Debian, each touched by exactly one Swift file.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CPrimerSystem"),
        // The processor's spin-wait hint (a header-only module map, no library).
        .systemLibrary(name: "CSpinWait"),

        // The numeric core and the engines.
        .target(name: "NumericCore", dependencies: ["COpenBLAS", "CSpinWait"], swiftSettings: swiftSettings),
        .target(name: "Datasets", dependencies: ["NumericCore", "CZlib"],
                resources: [.copy("Bundled")], swiftSettings: swiftSettings),
        .target(name: "DeepLearning", dependencies: ["NumericCore", "Datasets"], swiftSettings: swiftSettings),
        .target(name: "ClassicalML", dependencies: ["NumericCore", "Datasets"], swiftSettings: swiftSettings),

        // Rich outputs: the wire format between a running chapter and the runner, and the
        // renderers for what travels on it.
        .target(name: "PrimerWire", swiftSettings: swiftSettings),
        .target(name: "PrimerMarkup", swiftSettings: swiftSettings),
        .target(name: "PrimerFigures", dependencies: ["PrimerMarkup"], swiftSettings: swiftSettings),
        .target(name: "PrimerMath", dependencies: ["PrimerMarkup"], exclude: ["README.md"], swiftSettings: swiftSettings),

        // The cell module: implicitly imported by every chapter.
        .target(name: "PrimerCells",
                dependencies: ["DeepLearning", "ClassicalML", "Datasets", "PrimerWire", "PrimerFigures"],
                swiftSettings: swiftSettings),

        // The runner and its command-line tool.
        .target(name: "PrimerKit",
                dependencies: ["CCmark", "CPrimerSystem", "PrimerWire", "PrimerMarkup", "PrimerFigures", "PrimerMath"],
                // The site's theme: real CSS, JS and HTML files, compiled into Primer.
                resources: [.embedInCode("Theme/primer.css"), .embedInCode("Theme/primer.js"), .embedInCode("Theme/page.html"),
                            // What `primer init` writes: a new book and its CI workflow.
                            .embedInCode("Template/SUMMARY.md"), .embedInCode("Template/book.json"),
                            .embedInCode("Template/first-chapter.md"), .embedInCode("Template/gitignore"),
                            .embedInCode("Template/primer.yml")],
                swiftSettings: runnerSettings),
        // `primer serve`: the live preview (HTTP and Server-Sent Events on Hummingbird, file
        // watching), kept apart so that PrimerKit stays free of server dependencies.
        .target(name: "PrimerServe",
                dependencies: ["PrimerKit", "PrimerWire", .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log")],
                resources: [.embedInCode("Live/live.js")],
                swiftSettings: runnerSettings),
        .executableTarget(name: "primer",
                          dependencies: ["PrimerKit", "PrimerServe", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: runnerSettings),

        .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"], swiftSettings: swiftSettings),
        .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "ClassicalMLTests", dependencies: ["ClassicalML"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "PrimerFiguresTests", dependencies: ["PrimerFigures"],
                    resources: [.copy("Golden")], swiftSettings: swiftSettings),
        .testTarget(name: "PrimerMathTests", dependencies: ["PrimerMath"], swiftSettings: swiftSettings),
        .testTarget(name: "PrimerKitTests", dependencies: ["PrimerKit", "PrimerWire", "PrimerServe"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    ]
)
