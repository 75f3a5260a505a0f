import Foundation

/// A fresh folder under the system's temporary folder, removed when the test is done with it.
final class TemporaryFolder {
    let url: URL

    init(_ label: String = "planfolio") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes a text file, creating its folders.
    func write(_ relative: String, _ text: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Copies the repository's `Plans/` and `Theme/` in, so a run sees exactly the sample portfolio.
    func copySample() throws {
        for folder in ["Plans", "Theme"] {
            try FileManager.default.copyItem(at: BuiltBinary.packageRoot.appendingPathComponent(folder), to: path(folder))
        }
    }

    /// Every file under `relative` with its bytes, for byte-for-byte comparisons of whole trees.
    func tree(_ relative: String) -> [String: Data] {
        let root = path(relative)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))
            files[name] = try? Data(contentsOf: file)
        }
        return files
    }
}
