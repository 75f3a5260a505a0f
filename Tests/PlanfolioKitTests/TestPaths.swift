import Foundation

/// Paths the Kit tests read: the package root, and the programs some tests run.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `name` as found on PATH. A test that needs it fails, saying how to install it, when it is missing:
    /// CI (`.ci/run`) installs everything the tests run.
    static func tool(_ name: String, install: String) throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for folder in folders {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw MissingTool(description: "\(name) is not on PATH; install it: \(install)")
    }

    struct MissingTool: Error, CustomStringConvertible {
        var description: String
    }

    static let python3Install = "apt-get install -y python3 (Debian/Ubuntu)"
}
