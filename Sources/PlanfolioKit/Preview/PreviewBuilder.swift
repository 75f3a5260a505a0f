/// The build as `planfolio serve` drives it, behind one call: `rebuild()`
/// builds the site into the preview's own folder and says what changed.
///
/// It is the only place the preview touches the build. It runs `Build.run`
/// on one build session for the preview's whole life, with the options it
/// was given (their `output` is serve's folder), so a rebuild after an edit
/// re-runs only what the edit reaches, in memory. Which files changed is
/// what the build says it wrote (`BuildReport.changedFiles`), or every file
/// after a build that wrote a whole new site; the pages the diagnostics
/// belong to from `BuildReport.pages`.
/// Not thread-safe: one rebuild at a time.
public final class PreviewBuilder {
    public let options: BuildOptions
    /// Continues the session a preview of the same folder kept when it stopped (`keep`).
    private let session: BuildSession
    /// Display path of a document -> site path of its page, as last known.
    private var pages: [String: String] = [:]
    /// The files changed since the last rebuild that listed the input (nil:
    /// the next one lists it whole).
    private var unlisted: InputChanges?

    public init(options: BuildOptions) {
        self.options = options
        session = (options.useCache && options.history.asOf == nil ? SessionStore(output: options.output).restore() : nil) ?? BuildSession()
    }

    /// Keeps the session beside the preview's folder, for the next preview
    /// to start from; called when the preview stops. Never while a rebuild runs.
    public func keep() {
        guard options.useCache, options.history.asOf == nil else { return }
        SessionStore(output: options.output).save(session)
    }

    /// The folder the site is built into and served from.
    public var siteFolder: String { options.output }

    /// Rebuilds after `changes` (what the watcher saw since the last
    /// rebuild; nil when it cannot say, or for the first): the files that
    /// changed are restamped and nothing else of the input is listed.
    /// Changes a failed rebuild was told of are kept for the next one.
    public func rebuild(changes: InputChanges? = nil) -> PreviewResult {
        if let changes, var known = unlisted {
            known.paths.formUnion(changes.paths)
            unlisted = known
        } else {
            unlisted = nil
        }
        var options = options
        options.inputChanges = unlisted
        var result: PreviewResult
        do {
            var report = try Build.run(options, session: session)
            unlisted = InputChanges(paths: [])
            // A report given back from a restored session's head names no pages: the session knows them.
            if report.pages.isEmpty { report.pages = session.pagesByDisplayPath() }
            result = PreviewResult(report: report)
            learnPages(from: report)
        } catch {
            result = PreviewResult(failure: error)
        }
        if let report = result.report, report.wrote, report.mode != .unchanged {
            // A whole new site: every file.
            result.changedPaths = Set(report.changedFiles ?? Self.files(of: options.output))
        }
        for diagnostic in result.diagnostics {
            if let page = pages[diagnostic.file] {
                result.diagnosticsByPage[page, default: []].append(diagnostic)
            } else {
                result.unplacedDiagnostics.append(diagnostic)
            }
        }
        return result
    }

    /// Every build gives every linked document's page; one with errors adds
    /// to those known (a document that no longer parses keeps its last page,
    /// which the site still shows).
    private func learnPages(from report: BuildReport) {
        if report.hasErrors {
            pages.merge(report.pages) { _, new in new }
        } else if !report.pages.isEmpty {
            pages = report.pages
        }
    }

    /// Every file and link under `folder` by site path; empty when it cannot be read.
    static func files(of folder: String) -> [String] {
        (OutputStamp.entries(folder: folder) ?? []).compactMap { line in
            guard let entry = OutputStamp.Entry(line), entry.type != OutputStamp.Entry.folder else { return nil }
            return String(entry.path)
        }
    }
}
