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
    static let format = 3

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

    /// The quick key of this build, and the last build's report when it had
    /// that key and the output is untouched since. A no-change build is
    /// little more than stamping the input and the output folders, so the
    /// two are stamped at once, on two cores.
    func quickCheck(options: BuildOptions) -> (quickKey: String?, unchanged: BuildReport?) {
        let output = options.output
        let stamps = ConcurrentMap.map([false, true], threads: min(2, options.threads ?? 2)) { isOutput in
            isOutput ? OutputStamp.of(folder: output) : Self.quickKey(options: options)
        }
        guard let quickKey = stamps[0] else { return (nil, nil) }
        guard let manifest = readManifest(), manifest.quickKey == quickKey,
              let stamp = stamps[1] else { return (quickKey, nil) }
        return (quickKey, report(of: manifest, output: output, stamp: stamp))
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

    private func readManifest() -> Manifest? {
        guard let data = try? Data(contentsOf: manifestURL),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.format == Self.format else { return nil }
        return manifest
    }

    /// `stamp`: the output folder's `OutputStamp` when the caller has it already.
    private func report(of manifest: Manifest, output: String, stamp: String? = nil) -> BuildReport? {
        guard
              FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent(SiteWriter.markerName)),
              let stamp = stamp ?? OutputStamp.of(folder: output), stamp == manifest.outputStamp else { return nil }
        var report = BuildReport(diagnostics: manifest.diagnostics, documentsRead: manifest.documentsRead,
                                 pagesWritten: manifest.pagesWritten, wrote: true)
        report.filesUnchanged = manifest.filesWritten
        return report
    }

    /// Forgets the last build; called before the output changes.
    func invalidate() {
        try? FileManager.default.removeItem(at: manifestURL)
    }

    /// Records a build that has just written `output`. Failures only cost the next build its shortcut.
    func record(key: String, quickKey: String?, report: BuildReport, filesWritten: Int, output: String) {
        guard let stamp = OutputStamp.of(folder: output) else { return }
        write(Manifest(
            format: Self.format, key: key, quickKey: quickKey, outputStamp: stamp,
            documentsRead: report.documentsRead, pagesWritten: report.pagesWritten, filesWritten: filesWritten,
            diagnostics: report.diagnostics))
    }

    private func write(_ manifest: Manifest) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(manifest) else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent("manifest.json.\(ProcessInfo.processInfo.processIdentifier).tmp")
            try data.write(to: temporary)
            guard rename(temporary.path, manifestURL.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                invalidate()
                return
            }
        } catch {
            invalidate()
        }
    }

    /// The quick key: the input and theme folders by `OutputStamp`, not by
    /// contents, and the config file's bytes. nil when a folder cannot be
    /// read (then the build runs and reports the problem).
    ///
    /// The theme is found as `ThemeFiles.resolve` finds it: `--theme`, else
    /// `Theme/` when it exists, else the built-in theme (part of the binary,
    /// which the key already names). The config file is the one
    /// `ConfigLoader.load` reads: `--config`, else `planfolio.yml` beside the input.
    static func quickKey(options: BuildOptions) -> String? {
        var hasher = common(options)
        hasher.combine("quick")
        guard let input = OutputStamp.of(folder: options.input) else { return nil }
        hasher.combine(input)
        var isDirectory: ObjCBool = false
        let themeFolder = options.theme
            ?? (FileManager.default.fileExists(atPath: "Theme", isDirectory: &isDirectory) && isDirectory.boolValue ? "Theme" : nil)
        if let themeFolder {
            guard let theme = OutputStamp.of(folder: themeFolder) else { return nil }
            hasher.combine("theme folder")
            hasher.combine(theme)
        } else {
            hasher.combine("built-in theme")
        }
        let configPath = options.configPath ?? ConfigLoader.defaultPath(input: options.input)
        if let config = FileManager.default.contents(atPath: configPath) {
            hasher.combine("config")
            hasher.combine(Array(config))
        } else {
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
    static func key(input loaded: LoadedInput, inputFolder: String, theme: ThemeFiles, options: BuildOptions) -> String {
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
        hasher.combine(loaded.files.count)
        for file in loaded.files {
            hasher.combine(file.path)
            hasher.combine(file.displayPath)
            hasher.combine(file.text)
        }
        hasher.combine(loaded.assets.count)
        for asset in loaded.assets {
            hasher.combine(asset)
            let path = (inputFolder as NSString).appendingPathComponent(asset)
            hasher.combine(FileManager.default.contents(atPath: path).map { Array($0) } ?? [0xFF, 0xFE])
        }
        hasher.combine(loaded.diagnostics.count)
        for diagnostic in loaded.diagnostics { hasher.combine(String(reflecting: diagnostic)) }
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
