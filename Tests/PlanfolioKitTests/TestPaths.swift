import Foundation

/// Paths the Kit tests read: the package root and the shared design folder beside the clone.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/<relative>` beside the clone (as CI lays it out), else `/work/shared/<relative>`.
    static func shared(_ relative: String) -> URL? {
        [packageRoot.deletingLastPathComponent().appendingPathComponent("shared/" + relative),
         URL(fileURLWithPath: "/work/shared/" + relative)].first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
