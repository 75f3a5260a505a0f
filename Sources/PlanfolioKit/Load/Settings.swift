import Foundation

/// Everything a build reads besides the input folder: the config, the
/// theme, and the options that shape the site, with `key`, their hash
/// together with planfolio itself (a rebuilt planfolio renders every page
/// again). Part of Load: these are disk reads.
struct Settings: Sendable {
    var config: SiteConfig
    var configDiagnostics: [Diagnostic]
    var themeFiles: ThemeFiles
    var themePath: String
    /// Hash of planfolio, the options that shape the output, the config and the theme's files.
    var key: Digest
    /// Hash of the theme's files alone.
    var themeKey: Digest

    init(config: SiteConfig, configDiagnostics: [Diagnostic], themeFiles: ThemeFiles, themePath: String, key: Digest) {
        self.config = config
        self.configDiagnostics = configDiagnostics
        self.themeFiles = themeFiles
        self.themePath = themePath
        self.themeKey = Self.themeKey(themeFiles, path: themePath)
        self.key = key
    }

    /// Reads the config and the theme; `options.config` is set from the config file and `--base-url`.
    static func load(_ options: inout BuildOptions) throws(PlanfolioError) -> Settings {
        let (config, configDiagnostics) = try ConfigLoader.load(path: options.configPath, input: options.input)
        options.config = config
        if let baseURL = options.baseURL {
            if let problem = ConfigLoader.baseURLProblem(baseURL) { throw PlanfolioError("--base-url \(problem)") }
            options.config.baseURL = ConfigLoader.normalizedBaseURL(baseURL)
        }
        let (themeFiles, themePath) = try ThemeFiles.resolve(options.theme)
        var settings = Settings(config: options.config, configDiagnostics: configDiagnostics, themeFiles: themeFiles,
                                themePath: themePath, key: .none)
        var hasher = StableHasher()
        hasher.combine("planfolio-settings")
        hasher.combine(SiteRenderer.generator)
        hasher.combine(executableIdentity)
        hasher.combine(options.input)
        hasher.combine(options.today.description)
        hasher.combine(String(reflecting: options.config))
        hasher.combine(configDiagnostics.count)
        hasher.combine(settings.themeKey)
        settings.key = hasher.digest()
        return settings
    }

    private static func themeKey(_ theme: ThemeFiles, path: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine(path)
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
        // Warned about (PF035) while they are there.
        hasher.combine(theme.misplacedTemplates.count)
        for path in theme.misplacedTemplates { hasher.combine(path) }
        return hasher.digest()
    }

    /// The running planfolio binary, by path, size and modification time.
    static let executableIdentity: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return path + "|" + InputListing.stamp(info)
    }()
}
