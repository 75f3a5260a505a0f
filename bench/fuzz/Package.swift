// swift-tools-version:6.0
import PackageDescription

// The libFuzzer target over planfolio's whole pipeline, in memory. A package
// of its own so that the repository's `swift build` and `swift test` never
// see it: it only builds with the sanitizer flags `bench/fuzz/run.sh` passes
// (libFuzzer supplies `main`). See docs/fuzzing.md.
let package = Package(
    name: "planfolio-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` gives the repository's package a fixed name, whatever its folder is called.
        .package(name: "planfolio", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "PlanfolioFuzz",
            dependencies: [.product(name: "PlanfolioKit", package: "planfolio")],
            // No `main` of its own: libFuzzer's calls `LLVMFuzzerTestOneInput`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
