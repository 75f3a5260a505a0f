import Foundation
import Testing
@testable import PlanfolioKit

/// Temporary folders, the package's theme and generated corpora for the performance tests.
enum PerformanceFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var themePath: String { packageRoot.appendingPathComponent("Theme").path }

    static let today = Day("2026-11-24")!

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("planfolio-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a corpus of `plans` plans (and half as many of each other kind)
    /// into a new folder, with the project's generator `bench/gencorpus.py`.
    static func corpus(plans: Int) throws -> URL {
        let python = try TestPaths.tool("python3", install: TestPaths.python3Install)
        let script = packageRoot.appendingPathComponent("bench/gencorpus.py")
        let folder = try temporaryFolder("corpus")
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, folder.path, "--plans", "\(plans)", "--today", today.description]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("bench/gencorpus.py exited with \(process.terminationStatus)") }
        return folder
    }

    static func write(_ files: [String: String], under folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every file under `folder` by relative path, with its bytes.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return out }
        for case let relative as String in enumerator {
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
