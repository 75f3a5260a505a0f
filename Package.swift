// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "planfolio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planfolio", targets: ["planfolio"]),
        .library(name: "PlanfolioKit", targets: ["PlanfolioKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Tests only: property-based tests over random inputs (Swift Testing).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // cmark-gfm and its extensions, as Debian ships them.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only code that touches cmark.
        .target(name: "PlanfolioMarkdown", dependencies: ["CCmarkGFM"]),
        // The pipeline: load, parse, link, compute, render, write.
        .target(
            name: "PlanfolioKit",
            dependencies: [
                "PlanfolioMarkdown",
                .product(name: "Yams", package: "Yams"),
            ],
            // The plan template's one copy, compiled into the binary for `planfolio new plan`.
            resources: [.embedInCode("Templates/remediation-plan-template.md")]
        ),
        // Subcommands over the pipeline.
        .target(
            name: "PlanfolioCLI",
            dependencies: [
                "PlanfolioKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "planfolio", dependencies: ["PlanfolioCLI"]),
        .testTarget(name: "PlanfolioMarkdownTests", dependencies: [
            "PlanfolioMarkdown",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "PlanfolioKitTests", dependencies: [
            "PlanfolioKit",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "PlanfolioCLITests", dependencies: ["PlanfolioCLI", "PlanfolioKit", .product(name: "Yams", package: "Yams")]),
    ]
)
