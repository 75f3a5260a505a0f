import Foundation

/// What a build or check was asked to do.
public struct BuildOptions: Sendable {
    public var input: String = "Plans"
    public var output: String = "Output"
    /// The theme folder; nil means `Theme` when it exists.
    public var theme: String?
    public var today: Day
    public var config = SiteConfig()
    /// `--config`: the `planfolio.yml` to read; nil means the one beside the input folder, if any.
    public var configPath: String?
    /// `--base-url`: overrides `baseURL` from the config.
    public var baseURL: String?
    /// Treat warnings as errors.
    public var strict = false
    /// False for `check`: everything but writing.
    public var write = true
    /// Told how far the build is, for a progress line; nil for none.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Threads for parsing and rendering; nil means every core. 1 gives a one-thread build (tests compare the two).
    public var threads: Int?
    /// False for `--no-cache`: neither trust nor record the build cache (see `BuildCache`).
    public var useCache = true

    public init(today: Day) {
        self.today = today
    }
}

/// What a build did, for the command line to report and turn into an exit code.
public struct BuildReport: Sendable {
    /// Sorted by file and line; with `strict`, warnings are already errors.
    public var diagnostics: [Diagnostic]
    public var documentsRead: Int
    public var pagesWritten: Int
    public var wrote: Bool
    /// Of the files written, how many were identical to the previous site's and kept as they were.
    public var filesUnchanged = 0
    /// How the site was made this time.
    public var mode = Mode.full
    /// Each document's page, by the document's display path (the `file` of its
    /// diagnostics): filled by builds that link every document (`Mode.full`,
    /// also when there are errors), empty otherwise. `planfolio serve` puts
    /// the diagnostics on the page they belong to with it.
    public var pages: [String: String] = [:]

    public enum Mode: Sendable, Equatable {
        /// Every document parsed, every page rendered.
        case full
        /// Nothing changed since the last build: its report, nothing written (`BuildCache`).
        case unchanged
        /// Only the edited documents read and their pages rendered (`IncrementalBuild`).
        case incremental(edited: Int)
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Runs the stages in order: load (documents, config, theme), parse, link,
/// compute, render, write. Only this type knows the order; every stage is a
/// function from values to values. A build whose inputs are unchanged since
/// the last one is answered from `BuildCache` without running them.
public enum Build {
    public static func run(_ options: BuildOptions) throws(PlanfolioError) -> BuildReport {
        options.progress?(BuildProgress(stage: .reading, done: 0, total: 0))
        let cache = options.write ? BuildCache(output: options.output) : nil
        var check = BuildCache.QuickCheck()
        if let cache, options.useCache {
            check = cache.quickCheck(options: options)
            if let unchanged = check.unchanged { return unchanged }
            if let report = IncrementalBuild.run(options: options, cache: cache, check: check) { return report }
        }
        let quickKey = check.quickKey
        var loaded = try InputLoader.load(input: options.input)
        options.progress?(BuildProgress(stage: .checking, done: 0, total: loaded.files.count))
        var options = options
        let (configDiagnostics, themeFiles, themePath) = try settings(&options)
        loaded.diagnostics += configDiagnostics
        var cacheKey: String?
        var contentHashes: [String] = []
        if let cache {
            if options.useCache {
                contentHashes = ConcurrentMap.withThreads(options.threads) { ConcurrentMap.map(loaded.files) { BuildCache.contentHash($0.text) } }
                let key = BuildCache.key(input: loaded, contentHashes: contentHashes, inputFolder: options.input, theme: themeFiles, options: options)
                if let unchanged = cache.unchangedBuild(key: key, quickKey: quickKey, output: options.output) { return unchanged }
                cacheKey = key
            }
            cache.invalidate()
        }
        // What the next build needs to rebuild only what an edit changed (`IncrementalBuild`).
        let recording: Recording? = if cacheKey != nil, let restKey = check.restKey, let entries = check.inputEntries {
            Recording(records: BuildRecords(build: "", restKey: restKey, inputEntries: entries, assets: loaded.assets,
                                            activeAssets: loaded.activeAssets, shared: [], documents: []),
                      contentHashes: Dictionary(zip(loaded.files.map(\.path), contentHashes), uniquingKeysWith: { first, _ in first }))
        } else { nil }
        let documentsRead = loaded.files.count
        var (report, prepared) = ConcurrentMap.withThreads(options.threads) {
            prepare(from: &loaded, theme: themeFiles, themePath: themePath, options: options, recording: recording)
        }
        if options.write, let site = prepared {
            // The records' two files are encoded while the pages render (a full build's records name its own faces).
            let recordFiles = site.records.flatMap { records -> BackgroundWork<(records: [UInt8], faces: [UInt8])>? in
                guard let cacheKey else { return nil }
                var records = records
                records.build = cacheKey
                records.faces = cacheKey
                return BackgroundWork([{ [records] in (records.encoded(), records.encodedFaces()) }], lanes: 1)
            }
            // Pages go to the staging folder batch by batch as they are rendered
            // (never the whole site in memory); the output changes only at commit.
            let stager = BackgroundStager(try SiteStaging.open(output: options.output))
            var files = 0
            var pages = 0
            let progress = options.progress
            ConcurrentMap.withThreads(options.threads) {
                render(site, options: options, progress: { done, total in
                    progress?(BuildProgress(stage: .rendering, done: done, total: total))
                }) { batch in
                    files += batch.count
                    pages += batch.count(where: { $0.path.hasSuffix(".html") })
                    stager.add(batch)
                }
            }
            // Freeing the parsed portfolio (millions of small allocations) is
            // done on another thread while the last pages are written and
            // swapped in; a command-line build exits without waiting for it.
            prepared = nil
            releaseInBackground(site)
            options.progress?(BuildProgress(stage: .writing, done: 0, total: 0))
            let written = try stager.finish()
            report.filesUnchanged = written.unchanged
            report.wrote = true
            report.pagesWritten = pages
            if let cache, let cacheKey {
                let output = options.output
                cache.record(key: cacheKey, quickKey: quickKey, report: report, filesWritten: files, threads: options.threads,
                             stamp: { OutputStamp.of(folder: output) },
                             records: { recordFiles?.wait().first.map { ($0.records, $0.faces) } })
            }
        }
        report.documentsRead = documentsRead
        return report
    }

    /// The config and the theme: `options.config` is set from the config
    /// file and `--base-url`; the config's diagnostics and the theme's files are returned.
    static func settings(_ options: inout BuildOptions) throws(PlanfolioError)
        -> (configDiagnostics: [Diagnostic], theme: ThemeFiles, themePath: String) {
        let (config, configDiagnostics) = try ConfigLoader.load(path: options.configPath, input: options.input)
        options.config = config
        if let baseURL = options.baseURL {
            if let problem = ConfigLoader.baseURLProblem(baseURL) { throw PlanfolioError("--base-url \(problem)") }
            options.config.baseURL = ConfigLoader.normalizedBaseURL(baseURL)
        }
        let (themeFiles, themePath) = try ThemeFiles.resolve(options.theme)
        return (configDiagnostics, themeFiles, themePath)
    }

    /// Drops the last reference to `value` on a background thread.
    static func releaseInBackground<T: Sendable>(_ value: consuming T) {
        let box = ReleaseBox(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class ReleaseBox<T: Sendable>: @unchecked Sendable {
        var value: T?
        init(_ value: T) { self.value = value }
    }

    /// The whole build in memory: what `run` does short of touching the disk,
    /// with every file of the site sorted by path (tests and small sites).
    public static func site(from loaded: LoadedInput, theme themeFiles: ThemeFiles, themePath: String = "Theme",
                            options: BuildOptions) -> (report: BuildReport, files: [OutputFile]) {
        ConcurrentMap.withThreads(options.threads) {
            var loaded = loaded
            let (report, prepared) = prepare(from: &loaded, theme: themeFiles, themePath: themePath, options: options, recording: nil)
            var files: [OutputFile] = []
            if let prepared { render(prepared, options: options) { files += $0 } }
            files.sort { $0.path < $1.path }
            return (report, files)
        }
    }

    /// What `prepare` needs to fill the build's records in: the records so far, and each document file's
    /// `BuildCache.contentHash` by path (which the build key covered already).
    private struct Recording {
        var records: BuildRecords
        var contentHashes: [String: String]
    }

    /// Everything a site is rendered from, once the documents are checked.
    struct PreparedSite: Sendable {
        var portfolio: Portfolio
        var linkedFiles: LinkedFiles
        var theme: CompiledTheme
        var status: PortfolioStatus
        /// The records `IncrementalBuild` needs, when asked for (`build` still to be set).
        var records: BuildRecords?
    }

    /// Parse, link, compute: the report, and what to render unless there are errors.
    /// `loaded.files` is emptied once parsed, so the documents' text is let go early.
    /// With `recording`, the site carries its records filled in for every document.
    private static func prepare(from loaded: inout LoadedInput, theme themeFiles: ThemeFiles, themePath: String,
                                options: BuildOptions, recording: Recording?) -> (report: BuildReport, site: PreparedSite?) {
        // `shared` gathers the diagnostics that are no one document's own (see `BuildRecords.Record.own`).
        var shared = loaded.diagnostics
        var own: [String: [Diagnostic]] = [:]
        let documentsRead = loaded.files.count
        var documents: [Document] = []
        do {
            let parsed = ConcurrentMap.map(loaded.files) { DocumentParser.parse($0) }
            loaded.files = []
            for (document, found) in parsed {
                if let document {
                    documents.append(document)
                    if !found.isEmpty { own[document.displayPath, default: []] += found }
                } else {
                    shared += found
                }
            }
        }
        var (portfolio, linkDiagnostics) = Linker.link(documents)
        documents = []
        shared += linkDiagnostics
        let linkedFiles: LinkedFiles
        (portfolio, linkedFiles) = LinkedFiles.resolve(portfolio, assets: loaded.assets, activeAssets: loaded.activeAssets)
        var linkedOwn = linkedFiles.diagnostics
        if recording != nil {
            let displayPaths = Set(portfolio.documents.map(\.displayPath))
            linkedOwn = linkedFiles.diagnostics.filter { displayPaths.contains($0.file) }
            shared += linkedFiles.diagnostics.filter { !displayPaths.contains($0.file) }
        }
        for diagnostic in linkedOwn { own[diagnostic.file, default: []].append(diagnostic) }

        let (theme, themeDiagnostics) = CompiledTheme.compile(themeFiles, themePath: themePath)
        shared += themeDiagnostics
        let (status, statusDiagnostics) = StatusComputer.compute(portfolio: portfolio, config: options.config, today: options.today)
        shared += statusDiagnostics

        let diagnostics = (shared + own.values.joined()).reported(strict: options.strict)
        var report = BuildReport(diagnostics: diagnostics, documentsRead: documentsRead, pagesWritten: 0, wrote: false)
        report.pages = Dictionary(portfolio.documents.map { ($0.displayPath, $0.url) }, uniquingKeysWith: { first, _ in first })
        guard !diagnostics.hasErrors, let theme else { return (report, nil) }
        var records = recording?.records
        if let hashes = recording?.contentHashes {
            let ownByFile = own
            records?.shared = shared
            records?.documents = ConcurrentMap.map(portfolio.documents) { document in
                BuildRecords.Record(source: document.source, id: document.id,
                                    contentHash: hashes[document.source] ?? "", face: DocumentFace.encode(document)[...],
                                    linkedFiles: linkedFiles.pathsBySource[document.source] ?? [],
                                    searchText: SearchIndex.text(of: document), own: ownByFile[document.displayPath] ?? [])
            }
            records?.setLinks(of: portfolio)
        }
        return (report, PreparedSite(portfolio: portfolio, linkedFiles: linkedFiles, theme: theme, status: status, records: records))
    }

    /// Render: every file of the site, in batches, to `emit` (on the calling thread).
    private static func render(_ site: PreparedSite, options: BuildOptions, progress: ((Int, Int) -> Void)? = nil,
                               emit: ([OutputFile]) -> Void) {
        emit(site.linkedFiles.outputFiles(input: options.input))
        // The records have every document's search text already.
        let searchTexts = site.records.map { records in
            Dictionary(records.documents.map { ($0.id, $0.searchText) }, uniquingKeysWith: { first, _ in first })
        }
        SiteRenderer.render(portfolio: site.portfolio, config: options.config, today: options.today, theme: site.theme,
                            status: site.status, searchTexts: searchTexts, progress: progress, emit: emit)
    }
}
