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
public enum SiteWriter {
    public static let markerName = ".planfolio"
    public static let markerText = "This folder was written by planfolio; it replaces it on every build.\n"

    /// Called every `progressInterval` files with (files done, files in all).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    @discardableResult
    public static func write(_ files: [OutputFile], to output: String, progress: Progress? = nil) throws(PlanfolioError) -> WriteResult {
        let fileManager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let outputPath = outputURL.path
        let parent = outputURL.deletingLastPathComponent().path
        let names = StagingName(outputName: outputURL.lastPathComponent)

        progress?(0, files.count)
        for file in files where !isSafeRelativePath(file.path) {
            throw PlanfolioError("refusing to write '\(file.path)': it would land outside the output folder")
        }
        do {
            try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw PlanfolioError("cannot create '\(parent)': \(error.localizedDescription)")
        }
        LeftoverCleaner.clean(parent: parent, outputPath: outputPath, names: names)

        let exists = try checkOutputIsOurs(outputPath, as: output)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = (parent as NSString).appendingPathComponent(names.staging(pid: pid))
        try? fileManager.removeItem(atPath: staging)

        var result = WriteResult()
        do {
            try POSIXFile.makeDirectory(staging)
            // The marker first: every staging folder is recognisable as planfolio's from its first moment.
            let marker = OutputFile(path: markerName, text: markerText)
            _ = try FileStager.stage(marker.contents, at: (staging as NSString).appendingPathComponent(markerName),
                                     reusing: exists ? (outputPath as NSString).appendingPathComponent(markerName) : nil)
            var madeFolders: Set<String> = [""]
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                if madeFolders.insert(folder).inserted {
                    try fileManager.createDirectory(atPath: (staging as NSString).appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
                }
            }
            result = try FileStager.stageAll(files, into: staging, reusing: exists ? outputPath : nil, progress: progress)
        } catch let error as PlanfolioError {
            try? fileManager.removeItem(atPath: staging)
            throw error
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw PlanfolioError("cannot write the site: \(error.localizedDescription)")
        }

        if exists {
            try FolderSwap.exchange(staging, outputPath, oldParking: (parent as NSString).appendingPathComponent(names.old(pid: pid)))
            // `staging` now holds the old site (or, after the fallback, the old parking folder does).
            try? fileManager.removeItem(atPath: staging)
            try? fileManager.removeItem(atPath: (parent as NSString).appendingPathComponent(names.old(pid: pid)))
        } else {
            guard rename(staging, outputPath) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(atPath: staging)
                throw PlanfolioError("cannot move the new site into '\(output)': \(reason)")
            }
        }
        return result
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
