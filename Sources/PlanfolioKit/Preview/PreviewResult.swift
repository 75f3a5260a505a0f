/// What one rebuild of `planfolio serve` gives the server: the build's
/// report (or the set-up failure that stopped it), which files of the served
/// site changed, and the diagnostics sorted onto the pages they belong to.
public struct PreviewResult: Sendable {
    /// nil when the build could not run at all (`failure` says why).
    public var report: BuildReport?
    /// A usage, I/O, configuration or theme failure that stopped the build
    /// (a missing input folder, an unreadable theme); the last site stays.
    public var failure: PlanfolioError?
    /// Paths under the site folder (`plans/RP-1.html`) whose file is new,
    /// changed or gone since the previous rebuild.
    public var changedPaths: Set<String> = []
    /// A document's diagnostics by the site path of its page.
    public var diagnosticsByPage: [String: [Diagnostic]] = [:]
    /// Diagnostics of no known document page (the config, the theme, a file
    /// that never built into a page).
    public var unplacedDiagnostics: [Diagnostic] = []

    public init(report: BuildReport? = nil, failure: PlanfolioError? = nil) {
        self.report = report
        self.failure = failure
    }

    /// Every diagnostic of the build, sorted; none when it could not run.
    public var diagnostics: [Diagnostic] { report?.diagnostics ?? [] }
}
