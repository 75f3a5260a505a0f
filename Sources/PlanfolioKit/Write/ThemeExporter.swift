import Foundation

/// Writes a theme out as a folder (`planfolio theme export DIR`), so the
/// built-in default can be copied and changed.
public enum ThemeExporter {
    /// Writes `theme` to `folder` as `templates/NAME.mustache` and `assets/PATH`.
    ///
    /// - Throws: when `folder` exists and is not an empty folder (nothing is
    ///   overwritten), or when writing fails.
    public static func export(_ theme: ThemeFiles, to folder: String) throws(PlanfolioError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw PlanfolioError("'\(folder)' exists and is not a folder") }
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder)) ?? []
            guard entries.isEmpty else { throw PlanfolioError("'\(folder)' is not empty; theme export writes only into a new or empty folder") }
        }
        var files: [(String, [UInt8])] = theme.templates.map { ("templates/\($0.key).mustache", Array($0.value.text.utf8)) }
        files += theme.assets.map { ("assets/\($0.key)", $0.value) }
        files.sort { $0.0 < $1.0 }
        do {
            for (path, bytes) in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        } catch {
            throw PlanfolioError("cannot write the theme to '\(folder)': \(error.localizedDescription)")
        }
    }
}
