import Foundation

/// Remembers the last successful build so that a rebuild with nothing
/// changed does nothing at all.
///
/// The cache lives in planfolio's work folder beside the output,
/// `.<output>.planfolio-cache/` (`StagingName.workFolder`; hidden, and
/// outside the output, so it is never served or deployed; the Write stage
/// stages new sites there too).
/// Its `manifest.json` holds the key of the build that wrote the output (a
/// hash of every input byte, the theme, the options, the day and the
/// planfolio binary), the report that build gave, and the `OutputStamp` of
/// the folder right after writing. A build whose key and output stamp both
/// match returns that report without parsing, rendering or writing.
///
/// Reading and hashing 100 MB of input costs more than the 5% of a build a
/// no-change rebuild may take, so the manifest also holds a quick key: the
/// same key with the input and theme folders' `OutputStamp`s (sizes, inodes,
/// times; no contents) in place of their bytes. It is checked first, before
/// anything is read; when it misses, the byte key still can hit (a fresh
/// checkout of the same files), and then the quick key is brought up to date.
///
/// Every failure fails safe: a missing, unreadable, corrupt or foreign
/// manifest is ignored and the build runs in full; the manifest is removed
/// before a site is written and written again only after it is in place.
struct BuildCache {
    /// Bump when anything about the manifest or the key changes.
    static let format = 4

    let folder: URL
    var manifestURL: URL { folder.appendingPathComponent("manifest.json") }

    init(output: String) {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        folder = outputURL.deletingLastPathComponent()
            .appendingPathComponent(StagingName(outputName: outputURL.lastPathComponent).workFolder)
    }

    struct Manifest: Codable {
        var format: Int
        var key: String
        var quickKey: String?
        var outputStamp: String
        var documentsRead: Int
        var pagesWritten: Int
        /// Every file of the site, less the marker: all of them unchanged when the cache is used.
        var filesWritten: Int
        /// A code this planfolio does not know makes the whole manifest unreadable, so it is ignored.
        var diagnostics: [Diagnostic]
    }

    /// What the quick check found: the keys and stamps it made on the way,
    /// which `IncrementalBuild` and `record` use instead of making them again.
    struct QuickCheck {
        var quickKey: String?
        /// `restKey`: everything but the input folder.
        var restKey: String?
        /// `OutputStamp.entries` of the input folder.
        var inputEntries: [String]?
        /// The output folder's `OutputStamp` now, and the entries it hashes.
        var outputStamp: String?
        var outputEntries: [String]?
        /// The last build's manifest, when there is a readable one.
        var manifest: Manifest?
        /// The last build's report, when nothing has changed since.
        var unchanged: BuildReport?
    }

    /// The quick key of this build, and the last build's report when it had
    /// that key and the output is untouched since. A no-change build is
    /// little more than stamping the input and the output folders, so the
    /// two are stamped at once, on two cores.
    func quickCheck(options: BuildOptions) -> QuickCheck {
        let output = options.output
        let stamps = ConcurrentMap.map([false, true], threads: min(2, options.threads ?? 2)) { isOutput -> (entries: [String]?, rest: String?) in
            isOutput ? (OutputStamp.entries(folder: output), nil) : (OutputStamp.entries(folder: options.input), Self.restKey(options: options))
        }
        var check = QuickCheck()
        check.outputEntries = stamps[1].entries
        check.outputStamp = stamps[1].entries.map(OutputStamp.hash)
        guard let entries = stamps[0].entries, let restKey = stamps[0].rest else { return check }
        check.restKey = restKey
        check.inputEntries = entries
        let quickKey = Self.quickKey(restKey: restKey, inputEntries: entries)
        check.quickKey = quickKey
        check.manifest = readManifest()
        guard let manifest = check.manifest, manifest.quickKey == quickKey, let stamp = check.outputStamp else { return check }
        check.unchanged = report(of: manifest, output: output, stamp: stamp)
        return check
    }

    /// The report of the last build when it had this key and the output is untouched
    /// since; records `quickKey` so the next build with no change finds it first.
    func unchangedBuild(key: String, quickKey: String?, output: String) -> BuildReport? {
        guard var manifest = readManifest(), manifest.key == key,
              let report = report(of: manifest, output: output) else { return nil }
        if manifest.quickKey != quickKey {
            manifest.quickKey = quickKey
            write(manifest)
        }
        return report
    }

    func readManifest() -> Manifest? {
        guard let data = try? Data(contentsOf: manifestURL),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.format == Self.format else { return nil }
        return manifest
    }

    /// `stamp`: the output folder's `OutputStamp` when the caller has it already.
    func report(of manifest: Manifest, output: String, stamp: String? = nil) -> BuildReport? {
        guard
              FileManager.default.fileExists(atPath: PathText.join(output, SiteWriter.markerName)),
              let stamp = stamp ?? OutputStamp.of(folder: output), stamp == manifest.outputStamp else { return nil }
        var report = BuildReport(diagnostics: manifest.diagnostics, documentsRead: manifest.documentsRead,
                                 pagesWritten: manifest.pagesWritten, wrote: true)
        report.filesUnchanged = manifest.filesWritten
        report.mode = .unchanged
        return report
    }

    /// Forgets the last build; called by every build that writes a site.
    /// `keepingFaces`: an incremental build, which keeps the full build's faces (`BuildRecords`).
    func invalidate(keepingFaces: Bool = false) {
        try? FileManager.default.removeItem(at: manifestURL)
        BuildRecords.remove(folder: folder, keepingFaces: keepingFaces)
        removeDeadTemporaries()
    }

    /// The manifest, the records and the spare's note are each written as
    /// `NAME.PID.tmp` and renamed into place; a build killed in between
    /// leaves that file (the records' is megabytes), and no later build
    /// would ever write the same name. Those of builds no longer running go.
    private func removeDeadTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let ours = ProcessInfo.processInfo.processIdentifier
        let written: Set<Substring> = ["manifest.json", Substring(BuildRecords.fileName), Substring(BuildRecords.facesFileName),
                                       Substring(StagingName(outputName: "").spareRecord)]
        for name in names where name.hasSuffix(".tmp") {
            let stem = name.dropLast(".tmp".count)
            guard let dot = stem.lastIndex(of: "."), written.contains(stem[..<dot]),
                  let pid = Int32(stem[stem.index(after: dot)...]), pid > 0,
                  pid == ours || !LeftoverCleaner.isAlive(pid) else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Records a build that has just written `output`, with what `IncrementalBuild`
    /// needs when there are `records`. Failures only cost the next build its shortcut.
    /// `outputStamp`: the output folder's stamp, when the caller has just made it.
    ///
    /// `stamp` gives the output folder's stamp and `records` the bytes of
    /// `records.bin` (and of `faces.bin` from a full build; nil without
    /// records); the two run at once, on two cores unless `threads` is 1,
    /// since after a big site each is tens of milliseconds. The records count
    /// only once the manifest naming them is there, so it is written last.
    func record(key: String, quickKey: String?, report: BuildReport, filesWritten: Int, threads: Int?,
                stamp: @escaping @Sendable () -> String?,
                records: @escaping @Sendable () -> (records: [UInt8], faces: [UInt8]?)?) {
        let folder = folder
        let done = ConcurrentMap.map([false, true], threads: min(2, threads ?? 2)) { isStamp -> (stamp: String?, recorded: Bool) in
            if isStamp { return (stamp(), true) }
            guard let files = records() else { return (nil, true) }
            return (nil, BuildRecords.write(folder: folder, records: files.records, faces: files.faces))
        }
        guard done[0].recorded, let stamp = done[1].stamp else { return }
        write(Manifest(
            format: Self.format, key: key, quickKey: quickKey, outputStamp: stamp,
            documentsRead: report.documentsRead, pagesWritten: report.pagesWritten, filesWritten: filesWritten,
            diagnostics: report.diagnostics))
    }

    func write(_ manifest: Manifest) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(manifest),
              (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
              POSIXFile.replace(manifestURL.path, with: Array(data)) else { return invalidate() }
    }

    /// The quick key: the input and theme folders by `OutputStamp`, not by
    /// contents, and the config file's bytes. nil when a folder cannot be
    /// read (then the build runs and reports the problem).
    static func quickKey(options: BuildOptions) -> String? {
        guard let restKey = restKey(options: options), let entries = OutputStamp.entries(folder: options.input) else { return nil }
        return quickKey(restKey: restKey, inputEntries: entries)
    }

    static func quickKey(restKey: String, inputEntries: [String]) -> String {
        var hasher = StableHasher()
        hasher.combine("quick")
        hasher.combine(restKey)
        hasher.combine(OutputStamp.hash(inputEntries))
        return hasher.finalize()
    }

    /// Everything a build depends on but the input folder, as the quick key
    /// sees it: planfolio, the options, the theme folder by `OutputStamp`
    /// and the config file's bytes. nil when the theme folder cannot be read.
    ///
    /// The theme is the built-in theme (part of the binary, which the key
    /// already names) with the folder `ThemeFiles.resolve` lays over it:
    /// `--theme`, else `Theme/` when it exists. The config file is the one
    /// `ConfigLoader.load` reads: `--config`, else `planfolio.yml` beside the input.
    static func restKey(options: BuildOptions) -> String? {
        var hasher = common(options)
        hasher.combine("rest")
        if let themeFolder = ThemeFiles.folder(options.theme) {
            guard let theme = OutputStamp.of(folder: themeFolder) else { return nil }
            hasher.combine("theme folder")
            hasher.combine(theme)
        } else {
            hasher.combine("built-in theme")
        }
        let configPath = options.configPath ?? ConfigLoader.defaultPath(input: options.input)
        switch POSIXFile.readRegular(configPath, limit: ConfigLoader.maxFileSize) {
        case .bytes(let config):
            hasher.combine("config")
            hasher.combine(config)
        case .tooLarge(let size):
            hasher.combine("config too large")
            hasher.combine(size)
        case .failed:
            hasher.combine("no config")
        }
        return hasher.finalize()
    }

    /// What every key covers besides the documents and theme: the format, planfolio itself, the options.
    private static func common(_ options: BuildOptions) -> StableHasher {
        var hasher = StableHasher()
        hasher.combine("planfolio-build-cache-\(format)")
        hasher.combine(SiteRenderer.generator)
        hasher.combine(executableIdentity())
        var keyed = options
        keyed.threads = nil
        keyed.useCache = true
        hasher.combine(String(reflecting: keyed))
        return hasher
    }

    /// The key of a build: everything its output depends on.
    /// `contentHashes`: `contentHash` of each of `loaded.files`, in order (the records keep them too).
    static func key(input loaded: LoadedInput, contentHashes: [String], inputFolder: String, theme: ThemeFiles, options: BuildOptions) -> String {
        var hasher = common(options)
        hasher.combine(theme.templates.count)
        for name in theme.templates.keys.sorted() {
            guard let template = theme.templates[name] else { continue }
            hasher.combine(name)
            hasher.combine(template.displayPath)
            hasher.combine(template.text)
        }
        hasher.combine(theme.assets.count)
        for path in theme.assets.keys.sorted() {
            hasher.combine(path)
            hasher.combine(theme.assets[path] ?? [])
        }
        // They are warnings (PF035), which a build served from the cache reports again.
        hasher.combine(theme.misplacedTemplates.count)
        for path in theme.misplacedTemplates { hasher.combine(path) }
        hasher.combine(loaded.files.count)
        for (file, contentHash) in zip(loaded.files, contentHashes) {
            hasher.combine(file.path)
            hasher.combine(file.displayPath)
            hasher.combine(contentHash)
        }
        hasher.combine(loaded.assets.count)
        for asset in loaded.assets {
            hasher.combine(asset)
            // Chunk by chunk: an evidence file of any size is never held whole.
            var file = StableHasher()
            let read = POSIXFile.forEachChunk(of: PathText.join(inputFolder, asset)) { file.combine(bytes: $0) }
            hasher.combine(read ? file.finalize() : "unreadable")
        }
        hasher.combine(loaded.diagnostics.count)
        for diagnostic in loaded.diagnostics { hasher.combine(String(reflecting: diagnostic)) }
        return hasher.finalize()
    }

    /// A document's text by its bytes: the key covers each file by this, and
    /// `IncrementalBuild` tells a file saved with the same bytes from an edit by it.
    static func contentHash(_ text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    /// The running planfolio binary, by path, size and modification time:
    /// a rebuilt planfolio never trusts a cache an older one wrote.
    static func executableIdentity() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path)|\(size)|\(modified)"
    }
}
