import Foundation

/// Programs the end-to-end tests run besides planfolio, found on PATH. A
/// test that needs a missing one fails, saying how to install it: CI
/// (`.ci/run`) installs everything the tests run.
enum Tools {
    static func find(_ name: String, install: String) throws -> URL {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(description: "\(name) is not on PATH; install it: \(install)")
    }

    static func python3() throws -> URL { try find("python3", install: "apt-get install -y python3 (Debian/Ubuntu)") }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
