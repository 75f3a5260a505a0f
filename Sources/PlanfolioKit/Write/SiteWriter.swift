import Foundation

/// The Write stage: puts a finished site in place without ever leaving a broken one.
///
/// 1. An existing output folder without planfolio's `.planfolio` marker was
///    not written by planfolio and is never touched (a `PlanfolioError`, exit 2).
/// 2. Staging and old folders left beside the output by builds that died
///    are removed (and an old site is put back if a build died mid-swap).
/// 3. The site is written to a staging folder beside the output. A file whose
///    bytes equal the current output's file is hard-linked from it instead of
///    written, so its inode and modification time carry over and rsync-style
///    deploys copy only what changed.
/// 4. The staging folder is swapped with the output in one atomic rename
///    (`renameat2(RENAME_EXCHANGE)` on Linux), then the old site is removed.
///
/// A build killed at any point leaves the output folder either the old site
/// or the new one, whole; the old site's files are never opened for writing.
/// `SiteStaging` does the steps; a build streams its pages into one as they
/// are rendered, and `write` is the same for a site already in memory.
public enum SiteWriter {
    public static let markerName = ".planfolio"
    public static let markerText = "This folder was written by planfolio; it replaces it on every build.\n"

    /// Writes a whole site held in memory; `Build` streams pages through `SiteStaging` instead.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: String) throws(PlanfolioError) -> WriteResult {
        // Checked before anything is touched; `SiteStaging.add` checks again for streamed files.
        for file in files {
            if let refusal = refusal(for: file.path) { throw refusal }
        }
        let site = try SiteStaging.open(output: output)
        try site.add(files)
        return try site.commit()
    }

    /// Why no site file may be written at `path`, or nil when one may.
    static func refusal(for path: String) -> PlanfolioError? {
        if !isSafeRelativePath(path) {
            return PlanfolioError("refusing to write '\(path)': it would land outside the output folder")
        }
        if path == markerName {
            return PlanfolioError("refusing to write '\(path)': the name is planfolio's marker of its output folder")
        }
        return nil
    }

    /// Whether the output exists; throws when it exists but is not a folder planfolio wrote.
    static func checkOutputIsOurs(_ path: String, as given: String) throws(PlanfolioError) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK {
            throw PlanfolioError("output '\(given)' is a symbolic link; planfolio replaces its output folder whole, so give the real folder with --output")
        }
        guard type == S_IFDIR else {
            throw PlanfolioError("output '\(given)' exists and is not a folder; refusing to replace it")
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: path), entries.isEmpty {
            return true // An empty folder holds nothing to lose (e.g. made by `mkdir Output` or a CI step).
        }
        var markerInfo = stat()
        guard lstat((path as NSString).appendingPathComponent(markerName), &markerInfo) == 0,
              markerInfo.st_mode & S_IFMT == S_IFREG else {
            throw PlanfolioError("output folder '\(given)' exists but was not written by planfolio (no \(markerName) marker inside); refusing to replace it. Move it away or choose another --output")
        }
        return true
    }

    /// A relative path with no `..`, no empty or absolute parts.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
