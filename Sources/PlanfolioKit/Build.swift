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
        var quickKey: String?
        if let cache, options.useCache {
            quickKey = BuildCache.quickKey(options: options)
            if let quickKey, let unchanged = cache.unchangedBuild(quickKey: quickKey, output: options.output) { return unchanged }
        }
        var loaded = try InputLoader.load(input: options.input)
        options.progress?(BuildProgress(stage: .checking, done: 0, total: loaded.files.count))
        var options = options
        let (config, configDiagnostics) = try ConfigLoader.load(path: options.configPath, input: options.input)
        options.config = config
        loaded.diagnostics += configDiagnostics
        if let baseURL = options.baseURL {
            if let problem = ConfigLoader.baseURLProblem(baseURL) { throw PlanfolioError("--base-url \(problem)") }
            options.config.baseURL = ConfigLoader.normalizedBaseURL(baseURL)
        }
        let (themeFiles, themePath) = try ThemeFiles.resolve(options.theme)
        var cacheKey: String?
        if let cache {
            if options.useCache {
                let key = BuildCache.key(input: loaded, inputFolder: options.input, theme: themeFiles, options: options)
                if let unchanged = cache.unchangedBuild(key: key, quickKey: quickKey, output: options.output) { return unchanged }
                cacheKey = key
            }
            cache.invalidate()
        }
        var (report, files) = site(from: loaded, theme: themeFiles, themePath: themePath, options: options)
        if options.write && !report.hasErrors {
            let progress = options.progress
            let written = try SiteWriter.write(files, to: options.output) { done, total in
                progress?(BuildProgress(stage: .writing, done: done, total: total))
            }
            report.filesUnchanged = written.unchanged
            report.wrote = true
            report.pagesWritten = files.count(where: { $0.path.hasSuffix(".html") })
            if let cache, let cacheKey { cache.record(key: cacheKey, quickKey: quickKey, report: report, filesWritten: files.count, output: options.output) }
        }
        return report
    }

    /// The whole build in memory: what `run` does short of touching the disk.
    public static func site(from loaded: LoadedInput, theme themeFiles: ThemeFiles, themePath: String = "Theme",
                            options: BuildOptions) -> (report: BuildReport, files: [OutputFile]) {
        ConcurrentMap.withThreads(options.threads) {
            siteOnCurrentThreads(from: loaded, theme: themeFiles, themePath: themePath, options: options)
        }
    }

    private static func siteOnCurrentThreads(from loaded: LoadedInput, theme themeFiles: ThemeFiles, themePath: String,
                                             options: BuildOptions) -> (report: BuildReport, files: [OutputFile]) {
        var diagnostics = loaded.diagnostics
        let parsed = ConcurrentMap.map(loaded.files) { DocumentParser.parse($0) }
        var documents: [Document] = []
        for (document, found) in parsed {
            diagnostics += found
            if let document { documents.append(document) }
        }
        var (portfolio, linkDiagnostics) = Linker.link(documents)
        diagnostics += linkDiagnostics
        let linkedFiles: LinkedFiles
        (portfolio, linkedFiles) = LinkedFiles.resolve(portfolio, assets: loaded.assets, activeAssets: loaded.activeAssets)
        diagnostics += linkedFiles.diagnostics

        let (theme, themeDiagnostics) = CompiledTheme.compile(themeFiles, themePath: themePath)
        diagnostics += themeDiagnostics
        let (status, statusDiagnostics) = StatusComputer.compute(portfolio: portfolio, config: options.config, today: options.today)
        diagnostics += statusDiagnostics

        if options.strict {
            diagnostics = diagnostics.map { diagnostic in
                var strict = diagnostic
                strict.severity = .error
                return strict
            }
        }
        diagnostics.sort()
        var files: [OutputFile] = []
        if !diagnostics.hasErrors, let theme {
            options.progress?(BuildProgress(stage: .rendering, done: 0, total: portfolio.documents.count))
            files = SiteRenderer.render(portfolio: portfolio, config: options.config, today: options.today, theme: theme, status: status)
            files += linkedFiles.outputFiles(input: options.input)
            files.sort { $0.path < $1.path }
        }
        let report = BuildReport(diagnostics: diagnostics, documentsRead: loaded.files.count, pagesWritten: 0, wrote: false)
        return (report, files)
    }
}
