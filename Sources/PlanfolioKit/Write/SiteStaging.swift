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
/// A build that changes a few files starts from more than an empty
/// folder (`Build`, when the output is the site its session wrote): `linkPrevious` stages every file of the
/// current site as a hard link, or, cheaper, `open(reusingSpare:)` takes the
/// spare: the site before the current one, which the last such rebuild
/// kept in the work folder (`commit(keepingSpare:)`) with the list of files
/// it differs in. Only those are linked again, so the new folder costs a few
/// calls instead of one per file (20,000 at 10,000 plans), and the old site
/// never has to be deleted name by name. The spare is used only when its
/// `OutputStamp` is the one recorded when it was kept; otherwise it is removed.
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
    let workFolder: String
    let names: StagingName
    private var madeFolders: Set<String> = [""]
    private var staged: Set<String> = []
    /// The staging folder holds the current site's files (`linkPrevious`, or the spare): `add` replaces them.
    private var prepopulated = false
    /// Whether `open` started from the spare.
    public private(set) var reusedSpare = false
    /// Whether `linkPrevious` linked the current site's files, counted in `result.unchanged`
    /// (the spare's are not counted: `result` then counts only what `add` staged).
    private var linkedPrevious = false
    /// Whether `commit` or `keepAsSpare` kept a spare, for `recordSpare` to note.
    private var keptSpare = false
    /// Where the kept spare differs from the current site.
    private var spareDiffers: [String] = []
    /// Paths `add` wrote rather than linked, and paths `remove` removed: where the new site differs from the current one.
    public private(set) var writtenPaths: [String] = []
    /// Paths whose files were linked, unlinked or written after `open` started from the spare.
    private var touchedPaths: Set<String> = []
    public private(set) var result = WriteResult()
    private var finished = false

    /// `reusingSpare`: start from the spare when there is a good one (then
    /// the staging folder already holds every file of the current site);
    /// without it, any spare is removed, since the site written next makes it stale.
    public static func open(output: String, reusingSpare: Bool = false) throws(PlanfolioError) -> SiteStaging {
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
        // Where the work folder cannot be made: beside the output.
        _ = mkdir(workFolder, 0o755)
        let workArea = isFolder(workFolder) ? workFolder : parent
        if workArea == workFolder { POSIXFile.hintTopDirectory(workFolder) }
        let pid = ProcessInfo.processInfo.processIdentifier
        let site = SiteStaging(output: output, outputPath: outputURL.path, parent: parent,
                               staging: (workArea as NSString).appendingPathComponent(names.staging(pid: pid)),
                               parking: (workArea as NSString).appendingPathComponent(names.old(pid: pid)),
                               previousSite: exists ? outputURL.path : nil, workFolder: workFolder, names: names)
        try? FileManager.default.removeItem(atPath: site.staging)
        if reusingSpare, exists, site.adoptSpare() { return site }
        site.removeSpare()
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

    private init(output: String, outputPath: String, parent: String, staging: String, parking: String, previousSite: String?,
                 workFolder: String, names: StagingName) {
        self.output = output
        self.outputPath = outputPath
        self.parent = parent
        self.staging = staging
        self.parking = parking
        self.previousSite = previousSite
        self.workFolder = workFolder
        self.names = names
    }

    private var sparePath: String { (workFolder as NSString).appendingPathComponent(names.spare) }
    private var spareRecordPath: String { (workFolder as NSString).appendingPathComponent(names.spareRecord) }

    /// What `commit(keepingSpare:)` notes about the spare it kept.
    struct SpareRecord: Codable {
        /// `OutputStamp` of the spare right after it was kept.
        var stamp: String
        /// Files (paths in the site) where the spare differs from the site that replaced it.
        var changed: [String]
    }

    /// Moves the spare in as the staging folder and makes it the current
    /// site again by linking the files it differs in; false (and nothing
    /// moved) when there is no spare, or it is not as it was kept.
    private func adoptSpare() -> Bool {
        guard let previousSite, let data = FileManager.default.contents(atPath: spareRecordPath),
              let record = try? JSONDecoder().decode(SpareRecord.self, from: data) else { return false }
        unlink(spareRecordPath)
        guard OutputStamp.folders(of: sparePath) == record.stamp, rename(sparePath, staging) == 0 else { return false }
        touchedPaths.formUnion(record.changed)
        for path in record.changed {
            guard SiteWriter.isSafeRelativePath(path) else { return abandonSpare() }
            let target = self.path(path)
            guard unlink(target) == 0 || errno == ENOENT else { return abandonSpare() }
            let current = (previousSite as NSString).appendingPathComponent(path)
            var info = stat()
            guard lstat(current, &info) == 0 else { continue }  // gone from the current site
            guard info.st_mode & S_IFMT == S_IFREG, link(current, target) == 0 else { return abandonSpare() }
        }
        prepopulated = true
        reusedSpare = true
        return true
    }

    /// The spare could not be brought up to date: it goes, and `open` starts afresh.
    private func abandonSpare() -> Bool {
        try? FileManager.default.removeItem(atPath: staging)
        return false
    }

    private func removeSpare() {
        unlink(spareRecordPath)
        var info = stat()
        if lstat(sparePath, &info) == 0 { try? FileManager.default.removeItem(atPath: sparePath) }
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
                let target = path(file.path)
                touchedPaths.insert(file.path)
                if prepopulated {
                    // The current site's file is there already: replaced (and, when counted as linked, uncounted).
                    if unlink(target) == 0 && linkedPrevious { result.unchanged -= 1 }
                }
                if try FileStager.stage(FileStager.contents(of: file), at: target, reusing: previous) {
                    result.unchanged += 1
                } else {
                    result.written += 1
                    writtenPaths.append(file.path)
                }
                FaultSeam.reach(.midStaging)
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Stages every file of the current site but the marker as a hard link
    /// to it, so that `add` then needs only the files that may have changed
    /// (and `remove` those the new site no longer has). Returns how many were linked.
    /// Throws, leaving the staging folder to `abandon`, when a file cannot be
    /// linked: the caller then builds in full.
    @discardableResult
    public func linkPrevious() throws(PlanfolioError) -> Int {
        guard let previousSite else { return 0 }
        prepopulated = true
        linkedPrevious = true
        let (linked, folders) = try Self.linkSite(previousSite, into: staging)
        madeFolders.formUnion(folders)
        result.unchanged += linked
        return linked
    }

    /// After a whole new site was committed (not staged from the current
    /// one): a spare made of hard links to its files, noted as differing
    /// from it in none, so that the next rebuild starts from it instead of
    /// linking every file (20,000 at 10,000 plans) while its user waits.
    /// This build pays for the links; the output is stamped after them
    /// (linking moves the files' change times). Nothing is kept on any failure.
    public func keepLinkedSpare() {
        guard finished, !prepopulated, !keptSpare else { return }
        removeSpare()
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else { return }
        let marker = SiteWriter.markerName
        do throws(PlanfolioError) {
            guard link((outputPath as NSString).appendingPathComponent(marker), path(marker)) == 0 else {
                throw PlanfolioError("cannot link the marker")
            }
            _ = try Self.linkSite(outputPath, into: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            return
        }
        guard rename(staging, sparePath) == 0 else {
            try? FileManager.default.removeItem(atPath: staging)
            return
        }
        keptSpare = true
        spareDiffers = []
        recordSpare()
    }

    /// Links every file of the site in `from` but its marker into `to`
    /// (made already), folders made as needed; returns how many files, and
    /// the folders' paths. The top folder's files first, then each folder
    /// below it on a core of its own: a folder's directory lock serialises
    /// the links into it, but `plans/` and the others (half the site each)
    /// go side by side.
    private static func linkSite(_ from: String, into to: String) throws(PlanfolioError) -> (linked: Int, folders: [String]) {
        let top = try linkFiles(from, into: to, relative: "")
        var linked = top.linked
        var folders = top.folders
        let results = ConcurrentMap.map(top.folders, threads: 2) { name -> Result<(linked: Int, folders: [String]), PlanfolioError> in
            do throws(PlanfolioError) {
                return .success(try linkTree(from + "/" + name, into: to + "/" + name, relative: name))
            } catch { return .failure(error) }
        }
        for result in results {
            switch result {
            case .success(let tree):
                linked += tree.linked
                folders += tree.folders
            case .failure(let error):
                throw error
            }
        }
        return (linked, folders)
    }

    /// Links every file below `from` into `to` (made already), folders made as needed.
    private static func linkTree(_ from: String, into to: String, relative: String) throws(PlanfolioError)
        -> (linked: Int, folders: [String]) {
        let level = try linkFiles(from, into: to, relative: relative)
        var linked = level.linked
        var folders = level.folders
        for path in level.folders {
            let name = (path as NSString).lastPathComponent
            let below = try linkTree(from + "/" + name, into: to + "/" + name, relative: path)
            linked += below.linked
            folders += below.folders
        }
        return (linked, folders)
    }

    /// Links the files of `from` into `to` and makes its folders there (not
    /// what is in them); returns how many files, and the folders' paths.
    private static func linkFiles(_ from: String, into to: String, relative: String) throws(PlanfolioError)
        -> (linked: Int, folders: [String]) {
        guard let directory = opendir(from) else { throw PlanfolioError("cannot read '\(from)': \(String(cString: strerror(errno)))") }
        defer { closedir(directory) }
        let target = POSIXFile.openFolder(to)
        guard target >= 0 else { throw PlanfolioError("cannot open '\(to)': \(String(cString: strerror(errno)))") }
        defer { close(target) }
        let source = dirfd(directory)
        var linked = 0
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = DirectoryEntry.name(of: entry)
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            if path == SiteWriter.markerName { continue }
            // The folder says what each name is (one call less per file); where it does not, ask.
            var type: mode_t
            switch Int32(DirectoryEntry.type(of: entry)) {
            case Int32(DT_REG): type = S_IFREG
            case Int32(DT_DIR): type = S_IFDIR
            default:
                var info = stat()
                guard fstatat(source, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    throw PlanfolioError("cannot read '\(from)/\(name)': \(String(cString: strerror(errno)))")
                }
                type = info.st_mode & S_IFMT
            }
            switch type {
            case S_IFDIR:
                guard mkdirat(target, name, 0o755) == 0 else {
                    throw PlanfolioError("cannot create '\(to)/\(name)': \(String(cString: strerror(errno)))")
                }
                folders.append(path)
            case S_IFREG:
                guard linkat(source, name, target, name, 0) == 0 else {
                    throw PlanfolioError("cannot link '\(from)/\(name)' into the new site: \(String(cString: strerror(errno)))")
                }
                linked += 1
            default:
                // planfolio writes only files and folders: anything else is not its site.
                throw PlanfolioError("'\(from)/\(name)' is neither a file nor a folder")
            }
        }
        return (linked, folders)
    }

    private func makeFolders(for file: String) throws(PlanfolioError) {
        let folder = (file as NSString).deletingLastPathComponent
        guard !madeFolders.contains(folder) else { return }
        try makeFolders(for: folder)
        var info = stat()
        if !(prepopulated && lstat(path(folder), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
            try POSIXFile.makeDirectory(path(folder))
        }
        madeFolders.insert(folder)
    }

    /// Puts the staged site in place of the output, in one atomic swap when there is an old site.
    ///
    /// `keepingSpare`: the old site becomes the spare instead of being
    /// removed, for the next rebuild to start from; `recordSpare` then notes
    /// what it is. Only for a site staged from the current one (`linkPrevious`
    /// or the spare), where the two differ in the files `add` wrote.
    @discardableResult
    public func commit(keepingSpare: Bool = false) throws(PlanfolioError) -> WriteResult {
        guard !finished else { throw PlanfolioError("the staged site was already committed or abandoned") }
        finished = true
        FaultSeam.reach(.beforeSwap)
        if previousSite != nil {
            try FolderSwap.exchange(staging, outputPath, oldParking: parking)
            FaultSeam.reach(.afterSwap)
            // `staging` now holds the old site (or, after the fallback, the parking folder does).
            if keepingSpare && prepopulated {
                removeSpare()
                if rename(staging, sparePath) == 0 || rename(parking, sparePath) == 0 {
                    keptSpare = true
                    spareDiffers = writtenPaths
                    return result
                }
            }
            try? FileManager.default.removeItem(atPath: staging)
            try? FileManager.default.removeItem(atPath: parking)
        } else {
            guard rename(staging, outputPath) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                throw PlanfolioError("cannot move the new site into '\(output)': \(reason)")
            }
            FaultSeam.reach(.afterSwap)
        }
        return result
    }

    /// Stamps the spare `commit(keepingSpare:)` kept and notes it for the next
    /// rebuild (it is not used without this note). Safe to run on another
    /// thread than `commit`'s once it has returned, while the caller stamps the output.
    ///
    /// The spare is stamped by its folders alone (`OutputStamp.folders`):
    /// adding, removing or renaming a file in it changes them. Its files are
    /// the new site's (hard links) but for those `add` wrote, and those are
    /// linked afresh when it is used; changing a shared file in place changes
    /// the output's stamp too, and then no rebuild uses the spare.
    public func recordSpare() {
        guard keptSpare, let stamp = OutputStamp.folders(of: sparePath) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(SpareRecord(stamp: stamp, changed: spareDiffers.sorted())) else { return }
        _ = POSIXFile.replace(spareRecordPath, with: Array(data))
    }

    /// The output folder's `OutputStamp.entries` after `commit`. When the
    /// site was staged from the spare, only the folders and the files this
    /// build linked, unlinked or wrote can differ from `previousEntries`
    /// (the output's entries before the build): every other file is the
    /// same file, untouched, so only those are looked at again. Otherwise
    /// (and on any doubt) the folder is walked in full.
    public func outputEntries(previousEntries: [String]?) -> [String]? {
        guard finished, reusedSpare, let previousEntries,
              let entries = OutputStamp.restamped(previousEntries, folder: outputPath, touched: touchedPaths) else {
            return OutputStamp.entries(folder: outputPath)
        }
        return entries
    }

    /// Removes files of the current site that the new one no longer has
    /// from a staging folder that holds the current site (`linkPrevious`, or the spare).
    public func remove(_ paths: [String]) throws(PlanfolioError) {
        guard prepopulated else { return }
        for path in paths {
            guard SiteWriter.isSafeRelativePath(path) else { continue }
            touchedPaths.insert(path)
            if unlink(self.path(path)) == 0 {
                if linkedPrevious { result.unchanged -= 1 }
                writtenPaths.append(path)
            } else if errno != ENOENT {
                let reason = String(cString: strerror(errno))
                abandon()
                throw PlanfolioError("cannot remove '\(path)' from the new site: \(reason)")
            }
        }
    }

    /// Keeps a staging folder that holds the current site (`linkPrevious`,
    /// or the spare) and was not committed as the spare, noted
    /// (`recordSpare`) with the files staged or removed since it was opened;
    /// any other is abandoned. The output's files are left as they were,
    /// but for their change times (linked). False when committed or abandoned already.
    @discardableResult
    public func keepAsSpare() -> Bool {
        guard !finished else { return false }
        guard prepopulated, previousSite != nil else {
            abandon()
            return true
        }
        finished = true
        removeSpare()
        guard rename(staging, sparePath) == 0 else {
            try? FileManager.default.removeItem(atPath: staging)
            return true
        }
        keptSpare = true
        spareDiffers = Array(touchedPaths)
        recordSpare()
        return true
    }

    /// Throws the staged files away; the output is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        try? FileManager.default.removeItem(atPath: staging)
    }
}
