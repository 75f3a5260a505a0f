/// The forms `--diagnostics` can print problems in: one formatter each.
///
/// Every form is a pure function of the (sorted) diagnostics, so two runs
/// over the same input print the same bytes.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `FILE:LINE: error|warning: message`, for people and editors.
    case text
    /// One JSON object per line, for tools.
    case json
    /// GitHub Actions workflow commands, shown inline on pull requests.
    case github
    /// A SARIF 2.1.0 log, for code-scanning UIs.
    case sarif

    /// The diagnostics in this form. `baseDirectory` (absolute, usually the
    /// working directory) lets SARIF turn absolute file paths into relative URIs.
    public func format(_ diagnostics: [Diagnostic], baseDirectory: String? = nil) -> String {
        switch self {
        case .text: TextDiagnosticFormatter.format(diagnostics)
        case .json: JSONLinesDiagnosticFormatter.format(diagnostics)
        case .github: GitHubDiagnosticFormatter.format(diagnostics)
        case .sarif: SARIFDiagnosticFormatter.format(diagnostics, baseDirectory: baseDirectory)
        }
    }

    /// Text goes to standard error beside the summary, as compilers do; the
    /// machine-readable forms go to standard output so they can be redirected.
    public var writesToStandardOutput: Bool { self != .text }
}
