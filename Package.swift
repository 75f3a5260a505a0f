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
        // The HTTP server of `planfolio serve` (docs/serve.md says why this one).
        .package(url: "https://github.com/swhitty/FlyingFox", .upToNextMinor(from: "0.27.1")),
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
        // libxml2's SAX parser, as Debian ships it: evidence SVGs are parsed
        // and re-written (PlanfolioKit/Evidence/XMLEventReader.swift alone uses it).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only code that touches cmark.
        .target(name: "PlanfolioMarkdown", dependencies: ["CCmarkGFM"]),
        // The pipeline: load, parse, link, compute, render, write.
        .target(
            name: "PlanfolioKit",
            dependencies: [
                "PlanfolioMarkdown",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
            ],
            // The plan template's one copy, compiled into the binary for `planfolio new plan`.
            resources: [.embedInCode("Templates/remediation-plan-template.md")]
        ),
        // `planfolio serve`: the preview server and the file watcher; the only
        // target that links a server library, so PlanfolioKit stays free of it.
        .target(
            name: "PlanfolioServe",
            dependencies: [
                "PlanfolioKit",
                "PlanfolioMarkdown",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // Subcommands over the pipeline.
        .target(
            name: "PlanfolioCLI",
            dependencies: [
                "PlanfolioKit",
                "PlanfolioServe",
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
        .testTarget(name: "PlanfolioServeTests", dependencies: ["PlanfolioServe", "PlanfolioKit"]),
        .testTarget(name: "PlanfolioCLITests", dependencies: ["PlanfolioCLI", "PlanfolioKit", .product(name: "Yams", package: "Yams")]),
    ]
)
