import Foundation

/// A new site being put together in a staging folder beside the output, so
/// that pages can be written as they are rendered instead of all held in
/// memory first (at 20,000 documents the finished pages are 400 MB).
///
/// `open` does steps 1–2 of `SiteWriter` (refuse a foreign output, clean up
/// after dead builds) and makes the staging folder with its marker; `add`
/// stages files (hard-linking those identical to the current site's);
/// `commit` swaps the staging folder in; `abandon` removes it. Until
/// `commit`, the output folder is untouched, so a build that fails or is
/// killed half way leaves the last good site as it was.
///
/// Not thread safe: one thread (or one serial queue) at a time.
public final class SiteStaging: @unchecked Sendable {
    let output: String
    let outputPath: String
    let parent: String
    let staging: String
    let parking: String
    /// The current site, when there is one to reuse files from and swap with.
    let previousSite: String?
    private var madeFolders: Set<String> = [""]
    private var staged: Set<String> = []
    public private(set) var result = WriteResult()
    private var finished = false

    public static func open(output: String) throws(PlanfolioError) -> SiteStaging {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw PlanfolioError("cannot create '\(parent)': \(error.localizedDescription)")
        }
        let names = StagingName(outputName: outputURL.lastPathComponent)
        let workFolder = (parent as NSString).appendingPathComponent(names.workFolder)
        LeftoverCleaner.clean(parent: parent, outputPath: outputURL.path, names: names)
        if isFolder(workFolder) { LeftoverCleaner.clean(parent: workFolder, outputPath: outputURL.path, names: names) }
        let exists = try SiteWriter.checkOutputIsOurs(outputURL.path, as: output)
        // The staging folder goes in the work folder, marked as a top folder
        // for ext4's allocator, so the new site's files get inodes away from
        // those of a site deleted moments ago (`POSIXFile.hintTopDirectory`).
        // Where the work folder cannot be made, beside the output as before.
        _ = mkdir(workFolder, 0o755)
        let workArea = isFolder(workFolder) ? workFolder : parent
        if workArea == workFolder { POSIXFile.hintTopDirectory(workFolder) }
        let pid = ProcessInfo.processInfo.processIdentifier
        let site = SiteStaging(output: output, outputPath: outputURL.path, parent: parent,
                               staging: (workArea as NSString).appendingPathComponent(names.staging(pid: pid)),
                               parking: (workArea as NSString).appendingPathComponent(names.old(pid: pid)),
                               previousSite: exists ? outputURL.path : nil)
        try? FileManager.default.removeItem(atPath: site.staging)
        do {
            try POSIXFile.makeDirectory(site.staging)
            // The marker first: every staging folder is recognisable as planfolio's from its first moment.
            _ = try FileStager.stage(Array(SiteWriter.markerText.utf8), at: site.path(SiteWriter.markerName),
                                     reusing: site.previousSite.map { ($0 as NSString).appendingPathComponent(SiteWriter.markerName) })
        } catch {
            site.abandon()
            throw error
        }
        return site
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private init(output: String, outputPath: String, parent: String, staging: String, parking: String, previousSite: String?) {
        self.output = output
        self.outputPath = outputPath
        self.parent = parent
        self.staging = staging
        self.parking = parking
        self.previousSite = previousSite
    }

    private func path(_ relative: String) -> String {
        (staging as NSString).appendingPathComponent(relative)
    }

    /// Stages `files`; on the first failure the staging folder is removed and the error thrown.
    public func add(_ files: [OutputFile]) throws(PlanfolioError) {
        do throws(PlanfolioError) {
            for file in files {
                if let refusal = SiteWriter.refusal(for: file.path) { throw refusal }
                guard staged.insert(file.path).inserted else {
                    throw PlanfolioError("two files of the site have the same path '\(file.path)'")
                }
                try makeFolders(for: file.path)
                let previous = previousSite.map { ($0 as NSString).appendingPathComponent(file.path) }
                if try FileStager.stage(FileStager.contents(of: file), at: path(file.path), reusing: previous) {
                    result.unchanged += 1
                } else {
                    result.written += 1
                }
            }
        } catch {
            abandon()
            throw error
        }
    }

    private func makeFolders(for file: String) throws(PlanfolioError) {
        let folder = (file as NSString).deletingLastPathComponent
        guard !madeFolders.contains(folder) else { return }
        try makeFolders(for: folder)
        try POSIXFile.makeDirectory(path(folder))
        madeFolders.insert(folder)
    }

    /// Puts the staged site in place of the output, in one atomic swap when there is an old site.
    @discardableResult
    public func commit() throws(PlanfolioError) -> WriteResult {
        guard !finished else { throw PlanfolioError("the staged site was already committed or abandoned") }
        finished = true
        if previousSite != nil {
            try FolderSwap.exchange(staging, outputPath, oldParking: parking)
            // `staging` now holds the old site (or, after the fallback, the parking folder does).
            try? FileManager.default.removeItem(atPath: staging)
            try? FileManager.default.removeItem(atPath: parking)
        } else {
            guard rename(staging, outputPath) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                throw PlanfolioError("cannot move the new site into '\(output)': \(reason)")
            }
        }
        return result
    }

    /// Throws the staged files away; the output is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        try? FileManager.default.removeItem(atPath: staging)
    }
}
