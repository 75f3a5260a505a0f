import Foundation
import Testing

/// Runs the built `planfolio` binary, as a user or a CI job would.
///
/// The binary sits next to the test bundle (`.build/debug/planfolio`):
/// `.ci/run` runs `swift build --build-tests` before `swift test`, so it is
/// always there in CI; run `swift build` first when running tests by hand.
enum BuiltBinary {
    /// The package's root folder, from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let url: URL? = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            // .build/<triple>/debug/planfolioPackageTests.xctest (Linux) or .../X.xctest/Contents/MacOS/X (macOS)
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("planfolio"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/planfolio"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var signalled: Bool
    }

    /// Runs `planfolio ARGS` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, in: directory, environment: environment)
        let out = process.out.fileHandleForReading.readDataToEndOfFile()
        let err = process.err.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Result(status: process.process.terminationStatus,
                      standardOutput: String(decoding: out, as: UTF8.self),
                      standardError: String(decoding: err, as: UTF8.self),
                      signalled: process.process.terminationReason == .uncaughtSignal)
    }

    struct Started {
        var process: Process
        var out: Pipe
        var err: Pipe
    }

    static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Started {
        guard let url else {
            Issue.record("the planfolio binary was not found next to the tests or at .build/debug/planfolio: run `swift build` before `swift test`")
            throw CancellationError()
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Started(process: process, out: out, err: err)
    }
}
