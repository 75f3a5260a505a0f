import Foundation

/// Removes what builds that died left beside the output folder.
///
/// A build killed while writing leaves its staging folder; one killed in the
/// middle of a non-atomic swap may leave the old site parked and no output
/// at all, in which case the old site is put back first. Folders of a build
/// that is still running (its process exists) are left alone.
enum LeftoverCleaner {
    static func clean(parent: String, outputPath: String, names: StagingName) {
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: parent) else { return }
        let ours = ProcessInfo.processInfo.processIdentifier
        var leftovers: [(path: String, role: StagingName.Role)] = []
        for entry in entries.sorted() {
            guard let (role, pid) = names.parse(entry) else { continue }
            // Our own pid can only be a leftover of an earlier process that had it.
            if pid != ours && isAlive(pid) { continue }
            leftovers.append(((parent as NSString).appendingPathComponent(entry), role))
        }
        var outputInfo = stat()
        if lstat(outputPath, &outputInfo) != 0 {
            let marker = SiteWriter.markerName
            if let parked = leftovers.first(where: { $0.role == .old && fileManager.fileExists(atPath: ($0.path as NSString).appendingPathComponent(marker)) }) {
                _ = rename(parked.path, outputPath)
            }
        }
        for leftover in leftovers where fileManager.fileExists(atPath: leftover.path) {
            try? fileManager.removeItem(atPath: leftover.path)
        }
    }

    /// Whether a process with this id exists (EPERM means it does, owned by someone else).
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
